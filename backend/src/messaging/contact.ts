import type { Caller, Services } from '../context.js';
import { requireSameUniversityUser, toPublicProfile } from '../profiles/publicProfile.js';
import { conversationIdFor } from './validate.js';
import { conversationViewQuery, toConversationView } from './views.js';

/**
 * Query.contact: another person of my university as their page and our chat need them — their
 * profile, whether I blocked them, and our conversation (null until one of us writes). Anyone of
 * another university is "not found". Asking for myself answers my own public profile.
 */
export async function contact(caller: Caller, args: Record<string, unknown>, services: Services) {
  if (args.userId === caller.sub)
    return { person: toPublicProfile(caller.profile), blocked: false, conversation: null };
  const person = await requireSameUniversityUser(services.db, caller, args.userId);
  const pair = conversationIdFor(caller.sub, person.id);
  const [conversation, block] = await Promise.all([
    conversationViewQuery(services.db, caller.sub).where('c.id', '=', pair.id).executeTakeFirst(),
    services.db
      .selectFrom('blocks')
      .select('blocked_id')
      .where('blocker_id', '=', caller.sub)
      .where('blocked_id', '=', person.id)
      .executeTakeFirst(),
  ]);
  return {
    person: toPublicProfile(person),
    blocked: Boolean(block),
    conversation: conversation ? toConversationView(conversation, caller.sub) : null,
  };
}
