import { sql, type Transaction } from 'kysely';
import type { Caller } from '../context.js';
import type { BookingRow, Database } from '../db/types.js';
import { conflict, notFound } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import { toPublicProfile } from '../profiles/publicProfile.js';
import { lockProfileAndSession } from './access.js';
import { loadRules, sessionTimes } from './rules.js';
import { runWrite } from '../shared/transaction.js';
import { toBookingCore, toSessionView } from './views.js';
import { promoteFromWaitlist } from './waitlist.js';

/** The number of people on a session's waitlist, as a column of a query on `bookings`. */
const waitlistCount = (sessionId: string) =>
  sql<number>`(select count(*)::int from bookings w where w.session_id = ${sessionId} and w.status = 'WAITLISTED')`;

/**
 * A student cancels their own booking (or leaves the waitlist). Later than the free-cancel limit
 * it stays on their record as a late cancel. A freed place goes to the first waitlisted student
 * while the waitlist is open; after it closes nobody is surprised by a last-minute place.
 *
 * The usual cancel is two statements under the locks: the locks, then one that cancels the booking
 * and gives back its place. A retry or a refusal reads the booking once more to answer precisely.
 */
export const cancelBooking: FieldResolvers['Mutation.cancelBooking'] = async (caller, args, services) => {
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const result = await runWrite(services, async (trx, { notify: notifications, sessions: changes }) => {
    // Same lock order as bookSession: profile, then session.
    const { session, sportsClass } = await lockProfileAndSession(trx, caller, args.sessionId);
    const times = sessionTimes(session, rules);

    if (now.getTime() < times.startsAt) {
      // Only a confirmed place given up late counts against the student; leaving a waitlist never does,
      // and neither does anything about a session the centre cancelled.
      const lateIfConfirmed = session.status === 'SCHEDULED' && now.getTime() > times.freeCancelUntil;
      const cancelled = await trx
        .with('cancelled', (db) =>
          db
            .updateTable('bookings as b')
            // `before` is the same row as the statement found it: its status before this update.
            .from('bookings as before')
            .set({
              status: sql`case when before.status = 'CONFIRMED' and ${lateIfConfirmed}::boolean then 'LATE_CANCELLED' else 'CANCELLED' end`,
              cancelled_at: now,
              updated_at: now,
            })
            .whereRef('before.session_id', '=', 'b.session_id')
            .whereRef('before.user_id', '=', 'b.user_id')
            .where('b.session_id', '=', session.id)
            .where('b.user_id', '=', caller.sub)
            .where('b.status', 'in', ['CONFIRMED', 'WAITLISTED'])
            .returningAll('b')
            .returning(['before.status as previous_status', waitlistCount(session.id).as('waiting')]),
        )
        .with('freed', (db) =>
          db
            .updateTable('class_sessions')
            .set({ confirmed_count: sql`confirmed_count - 1`, updated_at: now })
            .where('id', '=', session.id)
            .where((eb) =>
              eb.exists(eb.selectFrom('cancelled').select('session_id').where('previous_status', '=', 'CONFIRMED')),
            ),
        )
        .selectFrom('cancelled')
        .selectAll()
        .executeTakeFirst();
      if (cancelled) {
        const { previous_status: previous, waiting: waitingBefore, ...booking } = cancelled;
        // The statement's snapshot is from before the cancel: a waitlisted booking was still counted.
        let waiting = Number(waitingBefore) - (previous === 'WAITLISTED' ? 1 : 0);
        if (previous === 'CONFIRMED') {
          session.confirmed_count -= 1;
          if (now.getTime() < times.waitlistClosesAt && waiting > 0) {
            const promoted = await promoteFromWaitlist(trx, session, now, sportsClass.name);
            waiting -= promoted.length;
            notifications.push(...promoted);
            changes.push(
              ...promoted.map((p) => ({ sessionId: session.id, kind: 'PROMOTED' as const, userId: p.userId })),
            );
          }
        }
        changes.push({ sessionId: session.id, kind: 'BOOKING_CANCELLED', userId: caller.sub });
        return { session, sportsClass, booking, waiting };
      }
    }

    // Nothing was cancelled: say why, or answer a retry with the cancelled booking.
    const { existing, waiting } = await findBooking(trx, caller, session.id);
    if (!existing) throw notFound('booking.notFound', 'Your booking for this session');
    // Cancelling twice (a retry) answers with the cancelled booking.
    if (existing.status === 'CANCELLED' || existing.status === 'LATE_CANCELLED') {
      return { session, sportsClass, booking: existing, waiting };
    }
    if (existing.status !== 'CONFIRMED' && existing.status !== 'WAITLISTED') {
      throw conflict(
        'booking.alreadyTakenPlace',
        'This booking can no longer be cancelled: the session has taken place.',
      );
    }
    throw conflict('session.started', 'This session has already started, so the booking can no longer be cancelled.');
  });
  // A cancelled booking has no waitlist place.
  const core = toBookingCore(result.booking, toPublicProfile(caller.profile), null, true);
  return { ...core, session: toSessionView(result.session, result.sportsClass, result.waiting, core, rules, now) };
};

async function findBooking(
  trx: Transaction<Database>,
  caller: Caller,
  sessionId: string,
): Promise<{ existing: BookingRow | null; waiting: number }> {
  const row = await trx
    .selectFrom('class_sessions as s')
    .leftJoin('bookings as b', (join) => join.onRef('b.session_id', '=', 's.id').on('b.user_id', '=', caller.sub))
    .select([
      'b.status',
      'b.queued_seq',
      'b.created_at',
      'b.updated_at',
      'b.cancelled_at',
      'b.checked_in_at',
      'b.check_in_code',
      waitlistCount(sessionId).as('waiting'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const existing =
    row.status && row.queued_seq !== null && row.created_at && row.updated_at
      ? {
          session_id: sessionId,
          user_id: caller.sub,
          status: row.status,
          queued_seq: row.queued_seq,
          created_at: row.created_at,
          updated_at: row.updated_at,
          cancelled_at: row.cancelled_at,
          checked_in_at: row.checked_in_at,
          check_in_code: row.check_in_code,
        }
      : null;
  return { existing, waiting: Number(row.waiting) };
}
