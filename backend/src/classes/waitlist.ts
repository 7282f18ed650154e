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
): Promise<NewNotification[]> {
  const free = session.capacity - session.confirmed_count;
  if (free <= 0 || session.status !== 'SCHEDULED') return [];
  const promoted = await trx
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
    .returning('user_id')
    .execute();
  if (!promoted.length) return [];
  await trx
    .updateTable('class_sessions')
    .set({ confirmed_count: sql`confirmed_count + ${promoted.length}`, updated_at: now })
    .where('id', '=', session.id)
    .execute();
  session.confirmed_count += promoted.length;
  const data = await noticeData(trx, session);
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
