import { sql } from 'kysely';
import { conflict } from '../errors.js';
import type { Resolver } from '../resolver.js';
import type { BookingRow } from '../db/types.js';
import { findSession } from './access.js';
import { loadRules, sessionTimes } from './rules.js';
import { formatLocal, localDayBounds } from './time.js';
import { withTransaction } from './transaction.js';
import { buildBookingView } from './views.js';

/** Bookings that hold (or wait for) a place; these count towards the per-day limit. */
const HOLDING = ['CONFIRMED', 'WAITLISTED', 'CHECKED_IN', 'NO_SHOW'] as const;

/**
 * Books a place, or a waitlist place when the session is full. Locks are always taken in the same
 * order — the caller's profile row, then the session row — so two of one student's bookings on the
 * same day queue behind each other (the per-day limit holds) and many students on one session
 * queue on the session (never overbooked), without deadlocks.
 */
export const bookSession: Resolver = async (caller, args, services) => {
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const booking = await withTransaction(services, async ({ trx }) => {
    await trx.selectFrom('profiles').select('id').where('id', '=', caller.sub).forUpdate().execute();
    const session = await findSession(trx, caller, args.sessionId, true);
    const times = sessionTimes(session, rules);
    if (session.status === 'CANCELLED') throw conflict('This session was cancelled. Choose another session.');
    if (now.getTime() >= times.startsAt) throw conflict('This session has already started. Choose another session.');

    const existing = await trx
      .selectFrom('bookings')
      .selectAll()
      .where('session_id', '=', session.id)
      .where('user_id', '=', caller.sub)
      .executeTakeFirst();
    // A retry (or a second tap) returns the booking the first one made.
    if (existing && (HOLDING as readonly string[]).includes(existing.status)) return existing;

    if (now.getTime() < times.bookingOpensAt) {
      throw conflict(
        `Booking opens on ${formatLocal(new Date(times.bookingOpensAt), rules.timeZone)}. Come back then.`,
      );
    }

    const day = localDayBounds(session.starts_at, rules.timeZone);
    const { held } = await trx
      .selectFrom('bookings')
      .innerJoin('class_sessions', 'class_sessions.id', 'bookings.session_id')
      .select(sql<number>`count(*)::int`.as('held'))
      .where('bookings.user_id', '=', caller.sub)
      .where('bookings.status', 'in', HOLDING)
      .where('class_sessions.status', '=', 'SCHEDULED')
      .where('class_sessions.starts_at', '>=', day.start)
      .where('class_sessions.starts_at', '<', day.end)
      .executeTakeFirstOrThrow();
    if (Number(held) >= rules.maxBookingsPerDay) {
      throw conflict(
        `You already have ${rules.maxBookingsPerDay} bookings on that day, the most allowed. Cancel one of them to book this session.`,
      );
    }

    let status: BookingRow['status'];
    if (session.confirmed_count < session.capacity) {
      status = 'CONFIRMED';
      await trx
        .updateTable('class_sessions')
        .set({ confirmed_count: sql`confirmed_count + 1`, updated_at: now })
        .where('id', '=', session.id)
        .execute();
    } else if (now.getTime() < times.waitlistClosesAt) {
      status = 'WAITLISTED';
    } else {
      throw conflict('The session is full and its waitlist has closed. Choose another session.');
    }

    // A new arrival number either way: a re-booking after a cancel joins the back of the queue.
    const queuedSeq = sql<string>`nextval(pg_get_serial_sequence('bookings', 'queued_seq'))`;
    if (existing) {
      return trx
        .updateTable('bookings')
        .set({ status, queued_seq: queuedSeq, cancelled_at: null, checked_in_at: null, updated_at: now })
        .where('session_id', '=', session.id)
        .where('user_id', '=', caller.sub)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return trx
      .insertInto('bookings')
      .values({ session_id: session.id, user_id: caller.sub, status, queued_seq: queuedSeq })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return buildBookingView(services.db, caller, rules, booking, now);
};
