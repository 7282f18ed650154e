import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NotificationRow } from '../db/types.js';

export type NotificationType =
  | 'JOIN_REQUEST_RECEIVED'
  | 'JOIN_REQUEST_APPROVED'
  | 'JOIN_REQUEST_DECLINED'
  | 'ACTIVITY_WAITLIST_PROMOTED'
  | 'ACTIVITY_CHANGED'
  | 'ACTIVITY_CANCELLED'
  | 'PARTICIPANT_REMOVED'
  | 'SESSION_CHANGED'
  | 'SESSION_CANCELLED'
  | 'BOOKING_PROMOTED'
  | 'NEW_MESSAGE';

export interface NewNotification {
  userId: string;
  type: NotificationType;
  actorId?: string | null;
  activityId?: string | null;
  sessionId?: string | null;
  conversationId?: string | null;
  /** Details for the text, e.g. { title, startsAt }: stored as jsonb, sent as AWSJSON. */
  data?: Record<string, unknown>;
}

/**
 * Stores notifications inside the caller's transaction, so they exist exactly when the change
 * does. Push them with `services.events.notifications(rows)` after the transaction commits.
 */
export async function insertNotifications(
  trx: Transaction<Database> | Kysely<Database>,
  list: readonly NewNotification[],
): Promise<NotificationRow[]> {
  if (!list.length) return [];
  return (
    trx
      .insertInto('notifications')
      .values(
        list.map((n) => ({
          user_id: n.userId,
          type: n.type,
          actor_id: n.actorId ?? null,
          activity_id: n.activityId ?? null,
          session_id: n.sessionId ?? null,
          conversation_id: n.conversationId ?? null,
          // An explicit cast: the RDS Data API sends strings as varchar, which a jsonb column refuses.
          data: sql<Record<string, unknown>>`cast(${JSON.stringify(n.data ?? {})} as jsonb)`,
        })),
      )
      .returningAll()
      .execute()
      // The Data API returns jsonb as its text; node-postgres and PGlite parse it already.
      .then((rows) => rows.map((row) => (typeof row.data === 'string' ? { ...row, data: JSON.parse(row.data) } : row)))
  );
}
