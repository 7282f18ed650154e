import type { Kysely } from 'kysely';
import type { Database, NotificationRow } from '../db/types.js';
import type { NotificationType } from '../generated/graphql.js';
import { loadPublicProfiles, type PublicProfileView } from '../profiles/publicProfile.js';

export interface NotificationView {
  id: string;
  userId: string;
  type: NotificationType;
  actor: PublicProfileView | null;
  activityId: string | null;
  sessionId: string | null;
  conversationId: string | null;
  /** AWSJSON: a plain object here; the gateway serialises it. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** Notifications with their actors, loaded in one query. */
export async function toNotificationViews(db: Kysely<Database>, rows: NotificationRow[]): Promise<NotificationView[]> {
  const actors = await loadPublicProfiles(
    db,
    rows.flatMap((row) => (row.actor_id ? [row.actor_id] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    type: row.type,
    actor: (row.actor_id && actors.get(row.actor_id)) || null,
    activityId: row.activity_id,
    sessionId: row.session_id,
    conversationId: row.conversation_id,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : (row.data ?? {}),
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  }));
}
