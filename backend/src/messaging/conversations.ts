import { sql, type Kysely } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { Database } from '../db/types.js';
import { notFound } from '../errors.js';
import { pageLimit, toPage } from '../shared/pagination.js';
import { decodeTimeCursor } from './validate.js';
import { conversationViewQuery, toConversationView, toMessageView } from './views.js';

/** Query.conversations: mine, the one with the newest message first. */
export async function conversations(caller: Caller, args: Record<string, unknown>, services: Services) {
  const limit = pageLimit(args.limit);
  const after = decodeTimeCursor(args.nextToken, 'text');
  let query = conversationViewQuery(services.db, caller.sub)
    .where('c.university_id', '=', caller.profile.university_id)
    .where((eb) => eb.or([eb('c.user_a', '=', caller.sub), eb('c.user_b', '=', caller.sub)]));
  if (after) query = query.where(sql<boolean>`(c.last_message_at, c.id) < (${after.at}::timestamptz, ${after.id})`);
  const rows = await query
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.last_message_at.toISOString(), row.id]);
  return { items: page.items.map((row) => toConversationView(row, caller.sub)), nextToken: page.nextToken };
}

/**
 * One of my conversations. Anything else — malformed ids, other people's conversations, other
 * universities' — is simply "not found".
 */
export async function requireMyConversation(db: Kysely<Database>, caller: Caller, id: unknown) {
  if (typeof id !== 'string' || id.length === 0 || id.length > 300)
    throw notFound('conversation.notFound', 'The conversation');
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', id)
    .where('university_id', '=', caller.profile.university_id)
    .where((eb) => eb.or([eb('user_a', '=', caller.sub), eb('user_b', '=', caller.sub)]))
    .executeTakeFirst();
  if (!row) throw notFound('conversation.notFound', 'The conversation');
  return row;
}

/** Query.messages: a conversation's history, newest first. */
export async function messages(caller: Caller, args: Record<string, unknown>, services: Services) {
  const limit = pageLimit(args.limit);
  const after = decodeTimeCursor(args.nextToken, 'uuid');
  const conversation = await requireMyConversation(services.db, caller, args.conversationId);
  let query = services.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversation.id);
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id}::text)`);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id]);
  return { items: page.items.map(toMessageView), nextToken: page.nextToken };
}

/**
 * Mutation.markConversationRead. The marker moves to the last message's time, not the clock: a
 * message committing at this very moment is later than that, so it stays unread until seen.
 * One UPDATE, so it waits for (and sees) a send holding the conversation's row lock. When the
 * marker moved, the other person hears of it (their "Seen"), after the update is committed.
 */
export async function markConversationRead(caller: Caller, args: Record<string, unknown>, services: Services) {
  const found = await requireMyConversation(services.db, caller, args.conversationId);
  const iAmA = found.user_a === caller.sub;
  const before = iAmA ? found.a_read_at : found.b_read_at;
  const updated = await services.db
    .updateTable('conversations')
    .set((eb) => (iAmA ? { a_read_at: eb.ref('last_message_at') } : { b_read_at: eb.ref('last_message_at') }))
    .where('id', '=', found.id)
    .returning(['last_message_at'])
    .executeTakeFirstOrThrow();
  if (!before || updated.last_message_at.getTime() > before.getTime()) {
    await services.events.conversationRead({
      conversationId: found.id,
      readerId: caller.sub,
      userId: iAmA ? found.user_b : found.user_a,
      readAt: updated.last_message_at.toISOString(),
    });
  }
  const row = await conversationViewQuery(services.db, caller.sub)
    .where('c.id', '=', found.id)
    .executeTakeFirstOrThrow();
  return toConversationView(row, caller.sub);
}
