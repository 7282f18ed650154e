import { sql, type Transaction } from 'kysely';
import type { ClassSessionRow, Database } from '../db/types.js';
import type { NewNotification } from '../notifications/notify.js';

/**
 * Moves the first waitlisted people (lowest queued_seq: first come, first served) into free
 * places, keeping confirmed_count in step. Runs under the session's row lock, inside the write
 * that freed the places; returns their notifications.
 */
export async function promoteFromWaitlist(
  trx: Transaction<Database>,
  session: ClassSessionRow,
  now: Date,
  className?: string,
): Promise<NewNotification[]> {
  const free = session.capacity - session.confirmed_count;
  if (free <= 0 || session.status !== 'SCHEDULED') return [];
  // One statement: the promotions and the count that keeps step with them (a data-modifying WITH).
  const promoted = await trx
    .with('promoted', (db) =>
      db
        .updateTable('bookings')
        .set({ status: 'CONFIRMED', updated_at: now })
        .where('session_id', '=', session.id)
        .where('user_id', 'in', (eb) =>
          eb
            .selectFrom('bookings')
            .select('user_id')
            .where('session_id', '=', session.id)
            .where('status', '=', 'WAITLISTED')
            .orderBy('queued_seq')
            .limit(free),
        )
        .returning('user_id'),
    )
    .with('counted', (db) =>
      db
        .updateTable('class_sessions')
        .set({ confirmed_count: sql`confirmed_count + (select count(*)::int from promoted)`, updated_at: now })
        .where('id', '=', session.id)
        .where((eb) => eb.exists(eb.selectFrom('promoted').select('user_id'))),
    )
    .selectFrom('promoted')
    .select('user_id')
    .execute();
  if (!promoted.length) return [];
  session.confirmed_count += promoted.length;
  const data =
    className === undefined
      ? await noticeData(trx, session)
      : { className, startsAt: session.starts_at.toISOString(), durationMinutes: session.duration_minutes };
  return promoted.map((p) => ({
    userId: p.user_id,
    type: 'BOOKING_PROMOTED' as const,
    // No actor: whose cancellation freed the place is none of the promoted student's business.
    sessionId: session.id,
    data,
  }));
}

/** What a notification about a session needs for its text: the class name and the start. */
export async function noticeData(
  trx: Transaction<Database>,
  session: ClassSessionRow,
): Promise<Record<string, unknown>> {
  const row = await trx.selectFrom('classes').select('name').where('id', '=', session.class_id).executeTakeFirst();
  return {
    className: row?.name ?? '',
    startsAt: session.starts_at.toISOString(),
    durationMinutes: session.duration_minutes,
  };
}
