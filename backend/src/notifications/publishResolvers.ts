import type { Services } from '../context.js';
import { loadPublicProfiles } from '../profiles/publicProfile.js';

/**
 * Resolvers of the IAM-only publish mutations. Like a NONE data source on AppSync they store
 * nothing: they shape their input into the type subscribers receive.
 */
export async function publishNotification(args: Record<string, unknown>, services: Services) {
  const input = args.input as Record<string, unknown>;
  const actorId = typeof input.actorId === 'string' ? input.actorId : null;
  const actors = await loadPublicProfiles(services.db, actorId ? [actorId] : []);
  return { ...input, actor: actorId ? (actors.get(actorId) ?? null) : null, readAt: null };
}

export function publishSessionChange(args: Record<string, unknown>) {
  return { sessionId: args.sessionId, kind: args.kind, userId: args.userId ?? null, at: args.at };
}

export function publishActivityChange(args: Record<string, unknown>) {
  return {
    activityId: args.activityId,
    kind: args.kind,
    userId: args.userId ?? null,
    audience: args.audience,
    at: args.at,
  };
}

export function publishConversationRead(args: Record<string, unknown>) {
  return { conversationId: args.conversationId, readerId: args.readerId, userId: args.userId, readAt: args.readAt };
}
