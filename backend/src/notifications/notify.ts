import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NotificationRow } from '../db/types.js';

import type { NotificationType } from '../generated/graphql.js';

export type { NotificationType } from '../generated/graphql.js';

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
