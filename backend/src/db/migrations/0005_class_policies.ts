import { sql, type Kysely } from 'kysely';

/**
 * What running the sports centre needs beyond booking: each university's no-show policy (defaults:
 * 3 no-shows within 30 days block new bookings for 7 days), the blocks that policy starts (staff
 * may lift one), a check-in code per booking, and a session's own place and cancellation reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('universities')
    .addColumn('no_show_limit', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('no_show_window_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('no_show_block_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();

  await db.schema
    .alterTable('class_sessions')
    // Null: the class's place. Staff move one session (another hall) without changing the class.
    .addColumn('place', 'text')
    .addColumn('cancel_reason', 'text')
    .execute();

  await db.schema.alterTable('bookings').addColumn('check_in_code', 'text').execute();
  // Bookings made before codes existed get one too: six characters of the same alphabet as new ones
  // (the reference to the row makes PostgreSQL draw new random characters for every row).
  await sql`
    update bookings b set check_in_code = (
      select string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
      from generate_series(1, 6 + 0 * length(b.user_id))
    )`.execute(db);
  // Staff type a code on one session's page: it must name one booking there.
  await db.schema
    .createIndex('bookings_check_in_code_idx')
    .on('bookings')
    .columns(['session_id', 'check_in_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('booking_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()::text`))
    .addColumn('university_id', 'text', (c) => c.notNull().references('universities.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    // The no-shows that started it, counted from counted_from (the window's start, or the previous
    // block's start: a no-show never counts towards two blocks).
    .addColumn('no_shows', 'integer', (c) => c.notNull())
    .addColumn('counted_from', 'timestamptz', (c) => c.notNull())
    .addColumn('lifted_at', 'timestamptz')
    .addColumn('lifted_by', 'text', (c) => c.references('profiles.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('booking_blocks_period', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('booking_blocks_user_idx')
    .on('booking_blocks')
    .columns(['user_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('booking_blocks_university_idx')
    .on('booking_blocks')
    .columns(['university_id', 'ends_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('booking_blocks').execute();
  await db.schema.dropIndex('bookings_check_in_code_idx').execute();
  await db.schema.alterTable('bookings').dropColumn('check_in_code').execute();
  await db.schema.alterTable('class_sessions').dropColumn('place').dropColumn('cancel_reason').execute();
  await db.schema
    .alterTable('universities')
    .dropColumn('no_show_limit')
    .dropColumn('no_show_window_days')
    .dropColumn('no_show_block_days')
    .execute();
}
