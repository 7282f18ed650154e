import { sql, type Kysely } from 'kysely';

/**
 * The tables behind activities, messages, notifications and sports-centre classes. Invariants that
 * must hold under any concurrency are constraints here; the resolvers take row locks to keep them.
 *
 * Ids are uuids stored as `text`: the RDS Data API (Aurora from Lambda) sends every string parameter
 * as varchar, and PostgreSQL has no `uuid = varchar` operator, so uuid columns would fail there while
 * node-postgres and PGlite (untyped parameters) hide it. The resolvers check the uuid format.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Booking rules, per university, with the product's defaults.
  await db.schema
    .alterTable('universities')
    .addColumn('booking_opens_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('free_cancel_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('max_bookings_per_day', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('waitlist_closes_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('university_id', 'text', (c) => c.notNull().references('universities.id'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('sport', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('map_url', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('skill_level', 'text', (c) => c.notNull())
    .addColumn('join_policy', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('SCHEDULED'))
    // Confirmed people including the host; kept by the resolvers under the activity's row lock.
    .addColumn('confirmed_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('activities_capacity_range', sql`capacity between 2 and 100`)
    .addCheckConstraint('activities_never_overbooked', sql`confirmed_count between 1 and capacity`)
    .addCheckConstraint('activities_duration_range', sql`duration_minutes between 15 and 1440`)
    .addCheckConstraint('activities_status', sql`status in ('SCHEDULED', 'CANCELLED')`)
    .execute();
  await db.schema
    .createIndex('activities_browse_idx')
    .on('activities')
    .columns(['university_id', 'starts_at', 'id'])
    .execute();
  await db.schema.createIndex('activities_host_idx').on('activities').columns(['host_id', 'starts_at']).execute();

  await db.schema
    .createTable('participations')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // Global arrival order: the waitlist is FIFO by this number.
    .addColumn('queued_seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('participations_pk', ['activity_id', 'user_id'])
    .addCheckConstraint(
      'participations_status',
      sql`status in ('HOST','JOINED','REQUESTED','WAITLISTED','DECLINED','WITHDRAWN','LEFT','REMOVED')`,
    )
    .execute();
  await db.schema.createIndex('participations_user_idx').on('participations').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('blocked_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('blocks_pk', ['blocker_id', 'blocked_id'])
    .addCheckConstraint('blocks_not_self', sql`blocker_id <> blocked_id`)
    .execute();

  await db.schema
    .createTable('conversations')
    // `<smaller user id>:<larger user id>`: one conversation per pair, whoever writes first.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('university_id', 'text', (c) => c.notNull().references('universities.id'))
    .addColumn('user_a', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('user_b', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('last_message_id', 'text')
    .addColumn('last_message_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('a_read_at', 'timestamptz')
    .addColumn('b_read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Byte order ("C"), as the resolver sorts the pair in code: a locale collation could disagree.
    .addCheckConstraint('conversations_pair_sorted', sql`user_a < user_b collate "C" and id = user_a || ':' || user_b`)
    .execute();
  await db.schema
    .createIndex('conversations_a_idx')
    .on('conversations')
    .columns(['user_a', 'last_message_at'])
    .execute();
  await db.schema
    .createIndex('conversations_b_idx')
    .on('conversations')
    .columns(['user_b', 'last_message_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('sender_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A retried send carries the same client id: the second insert hits this and returns the first.
    .addUniqueConstraint('messages_sender_client_unique', ['sender_id', 'client_id'])
    .addCheckConstraint('messages_text_length', sql`char_length(text) between 1 and 2000`)
    .execute();
  await db.schema
    .createIndex('messages_history_idx')
    .on('messages')
    .columns(['conversation_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('messages_unread_idx').on('messages').columns(['recipient_id', 'created_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('profiles.id'))
    .addColumn('activity_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('classes')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('university_id', 'text', (c) => c.notNull().references('universities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sport', 'text', (c) => c.notNull())
    .addColumn('instructor', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('classes_capacity_range', sql`capacity between 1 and 500`)
    .execute();
  await db.schema.createIndex('classes_university_idx').on('classes').column('university_id').execute();

  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('university_id', 'text', (c) => c.notNull().references('universities.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('SCHEDULED'))
    // Confirmed (and checked-in / no-show) bookings; kept under the session's row lock.
    .addColumn('confirmed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('class_sessions_never_overbooked', sql`confirmed_count between 0 and capacity`)
    .addCheckConstraint('class_sessions_duration_range', sql`duration_minutes between 15 and 600`)
    .addCheckConstraint('class_sessions_status', sql`status in ('SCHEDULED', 'CANCELLED')`)
    .execute();
  await db.schema
    .createIndex('class_sessions_timetable_idx')
    .on('class_sessions')
    .columns(['university_id', 'starts_at', 'id'])
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('session_id', 'text', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queued_seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('checked_in_at', 'timestamptz')
    // One booking per person per session: re-booking after a cancel reuses the row.
    .addPrimaryKeyConstraint('bookings_pk', ['session_id', 'user_id'])
    .addCheckConstraint(
      'bookings_status',
      sql`status in ('CONFIRMED','WAITLISTED','CANCELLED','LATE_CANCELLED','CHECKED_IN','NO_SHOW')`,
    )
    .execute();
  await db.schema.createIndex('bookings_user_idx').on('bookings').columns(['user_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'bookings',
    'class_sessions',
    'classes',
    'notifications',
    'messages',
    'conversations',
    'blocks',
    'participations',
    'activities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('universities')
    .dropColumn('booking_opens_days')
    .dropColumn('free_cancel_minutes')
    .dropColumn('max_bookings_per_day')
    .dropColumn('waitlist_closes_minutes')
    .execute();
}
