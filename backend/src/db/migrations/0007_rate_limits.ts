import { sql, type Kysely } from 'kysely';

/**
 * Per-user limits on volume (issue 11): one row per limited action a user took (an activity
 * created, later a message sent), counted over a sliding window (backend/src/shared/rateLimit.ts).
 * Rows older than the longest window are deleted as new ones come. The join-request cool-down and
 * the coalesced notifications need no table of their own: participations and notifications hold
 * what they count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_events')
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('rate_limit_events_idx')
    .on('rate_limit_events')
    .columns(['user_id', 'action', 'at'])
    .execute();
  // "Has this person's request to this activity told its host before?" and "is there an unread
  // change notice to fold the next edit into?": both look up a user's notifications by activity.
  await db.schema
    .createIndex('notifications_activity_idx')
    .on('notifications')
    .columns(['user_id', 'activity_id', 'type'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('notifications_activity_idx').execute();
  await db.schema.dropTable('rate_limit_events').execute();
}
