import { sql } from 'kysely';
import { conflict, notFound } from '../errors.js';
import type { Resolver } from '../resolver.js';
import { findSession } from './access.js';
import { loadRules, sessionTimes } from './rules.js';
import { withTransaction } from './transaction.js';
import { buildBookingView } from './views.js';
import { promoteFromWaitlist } from './waitlist.js';

/**
 * A student cancels their own booking (or leaves the waitlist). Later than the free-cancel limit
 * it stays on their record as a late cancel. A freed place goes to the first waitlisted student
 * while the waitlist is open; after it closes nobody is surprised by a last-minute place.
 */
export const cancelBooking: Resolver = async (caller, args, services) => {
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const booking = await withTransaction(services, async ({ trx, notify }) => {
    // Same lock order as bookSession: profile, then session.
    await trx.selectFrom('profiles').select('id').where('id', '=', caller.sub).forUpdate().execute();
    const session = await findSession(trx, caller, args.sessionId, true);
    const times = sessionTimes(session, rules);
    const existing = await trx
      .selectFrom('bookings')
      .selectAll()
      .where('session_id', '=', session.id)
      .where('user_id', '=', caller.sub)
      .executeTakeFirst();
    if (!existing) throw notFound('Your booking for this session');
    // Cancelling twice (a retry) answers with the cancelled booking.
    if (existing.status === 'CANCELLED' || existing.status === 'LATE_CANCELLED') return existing;
    if (existing.status !== 'CONFIRMED' && existing.status !== 'WAITLISTED') {
      throw conflict('This booking can no longer be cancelled: the session has taken place.');
    }
    if (now.getTime() >= times.startsAt) {
      throw conflict('This session has already started, so the booking can no longer be cancelled.');
    }

    const wasConfirmed = existing.status === 'CONFIRMED';
    // Only a confirmed place given up late counts against the student; leaving a waitlist never does,
    // and neither does anything about a session the centre cancelled.
    const late = wasConfirmed && session.status === 'SCHEDULED' && now.getTime() > times.freeCancelUntil;
    const cancelled = await trx
      .updateTable('bookings')
      .set({ status: late ? 'LATE_CANCELLED' : 'CANCELLED', cancelled_at: now, updated_at: now })
      .where('session_id', '=', session.id)
      .where('user_id', '=', caller.sub)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (wasConfirmed) {
      await trx
        .updateTable('class_sessions')
        .set({ confirmed_count: sql`confirmed_count - 1`, updated_at: now })
        .where('id', '=', session.id)
        .execute();
      session.confirmed_count -= 1;
      if (now.getTime() < times.waitlistClosesAt) notify(await promoteFromWaitlist(trx, session, now));
    }
    return cancelled;
  });
  return buildBookingView(services.db, caller, rules, booking, now);
};
