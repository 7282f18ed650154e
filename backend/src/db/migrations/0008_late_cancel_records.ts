import { type Kysely } from 'kysely';

/**
 * A late cancel stays on a student's record after they book the same session again (issue 11).
 * The booking row is reused on a re-booking, so its LATE_CANCELLED status is overwritten; the
 * late cancel it stood for is kept here first (backend/src/classes/book.ts), and the record and
 * the attendance report count both (policies.ts, report.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('late_cancels')
    .addColumn('session_id', 'text', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('profiles.id'))
    .addColumn('cancelled_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('late_cancels_pk', ['session_id', 'user_id', 'cancelled_at'])
    .execute();
  await db.schema
    .createIndex('late_cancels_user_idx')
    .on('late_cancels')
    .columns(['user_id', 'cancelled_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('late_cancels').execute();
}
