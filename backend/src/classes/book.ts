import { sql } from 'kysely';
import { conflict } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import type { BookingRow } from '../db/types.js';
import { toPublicProfile } from '../profiles/publicProfile.js';
import { lockProfileAndSession } from './access.js';
import { loadRules, sessionTimes } from './rules.js';
import { formatLocal, localDayBounds } from './time.js';
import { runWrite } from '../shared/transaction.js';
import { newCheckInCode } from './checkInCode.js';
import { toBookingCore, toSessionView } from './views.js';

/** Bookings that hold (or wait for) a place; these count towards the per-day limit. */
const HOLDING = ['CONFIRMED', 'WAITLISTED', 'CHECKED_IN', 'NO_SHOW'] as const;

/**
 * Books a place, or a waitlist place when the session is full. Locks are always taken in the same
 * order — the caller's profile row, then the session row — so two of one student's bookings on the
 * same day queue behind each other (the per-day limit holds) and many students on one session
 * queue on the session (never overbooked), without deadlocks.
 *
 * Three statements: the locks; then (under them, so exact) the caller's booking, their bookings
 * that day, the waitlist, a no-show block and whether a fresh check-in code is taken; then the
 * write. The answer is built from those rows, not read again.
 */
export const bookSession: FieldResolvers['Mutation.bookSession'] = async (caller, args, services) => {
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const result = await runWrite(services, async (trx, effects) => {
    const { session, sportsClass } = await lockProfileAndSession(trx, caller, args.sessionId);
    const times = sessionTimes(session, rules);
    if (session.status === 'CANCELLED') {
      throw conflict('session.cancelled', 'This session was cancelled. Choose another session.');
    }
    if (now.getTime() >= times.startsAt) {
      throw conflict('session.started', 'This session has already started. Choose another session.');
    }

    const day = localDayBounds(session.starts_at, rules.timeZone);
    let code = newCheckInCode();
    const state = await trx
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
        (eb) =>
          eb
            .selectFrom('bookings as w')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('w.session_id', '=', 's.id')
            .where('w.status', '=', 'WAITLISTED')
            .as('waiting'),
        (eb) =>
          eb
            .selectFrom('booking_blocks as k')
            .select(sql<Date | null>`max(k.ends_at)`.as('until'))
            .where('k.user_id', '=', caller.sub)
            .where('k.lifted_at', 'is', null)
            .where('k.starts_at', '<=', now)
            .where('k.ends_at', '>', now)
            .as('blocked_until'),
        (eb) =>
          eb
            .selectFrom('bookings as c')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('c.session_id', '=', 's.id')
            .where('c.check_in_code', '=', code)
            .as('code_taken'),
        (eb) =>
          eb
            .selectFrom('bookings as w')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('w.session_id', '=', 's.id')
            .where('w.status', '=', 'WAITLISTED')
            .whereRef('w.queued_seq', '<', 'b.queued_seq')
            .as('ahead'),
        (eb) =>
          eb
            .selectFrom('bookings as h')
            .innerJoin('class_sessions as hs', 'hs.id', 'h.session_id')
            .select(sql<number>`count(*)::int`.as('n'))
            .where('h.user_id', '=', caller.sub)
            .where('h.status', 'in', HOLDING)
            .where('hs.status', '=', 'SCHEDULED')
            .where('hs.starts_at', '>=', day.start)
            .where('hs.starts_at', '<', day.end)
            .as('held'),
      ])
      .where('s.id', '=', session.id)
      .executeTakeFirstOrThrow();
    const waiting = Number(state.waiting ?? 0);
    const existing: BookingRow | null =
      state.status && state.queued_seq !== null && state.created_at && state.updated_at
        ? {
            session_id: session.id,
            user_id: caller.sub,
            status: state.status,
            queued_seq: state.queued_seq,
            created_at: state.created_at,
            updated_at: state.updated_at,
            cancelled_at: state.cancelled_at,
            checked_in_at: state.checked_in_at,
            check_in_code: state.check_in_code,
          }
        : null;
    // A retry (or a second tap) returns the booking the first one made.
    if (existing && (HOLDING as readonly string[]).includes(existing.status)) {
      return { session, sportsClass, booking: existing, waiting, position: Number(state.ahead ?? 0) + 1 };
    }

    if (state.blocked_until) {
      const until = new Date(state.blocked_until);
      throw conflict(
        'booking.noShowBlocked',
        `You can't book until ${formatLocal(until, rules.timeZone)} because of missed sessions.`,
        { until: until.toISOString() },
      );
    }

    if (now.getTime() < times.bookingOpensAt) {
      throw conflict(
        'booking.windowNotOpen',
        `Booking opens on ${formatLocal(new Date(times.bookingOpensAt), rules.timeZone)}. Come back then.`,
        { opensAt: new Date(times.bookingOpensAt).toISOString() },
      );
    }

    if (Number(state.held ?? 0) >= rules.maxBookingsPerDay) {
      throw conflict(
        'booking.dailyLimit',
        `You already have ${rules.maxBookingsPerDay} bookings on that day, the most allowed. Cancel one of them to book this session.`,
        { max: rules.maxBookingsPerDay },
      );
    }

    let status: BookingRow['status'];
    if (session.confirmed_count < session.capacity) {
      status = 'CONFIRMED';
    } else if (now.getTime() < times.waitlistClosesAt) {
      status = 'WAITLISTED';
    } else {
      throw conflict(
        'session.fullWaitlistClosed',
        'The session is full and its waitlist has closed. Choose another session.',
      );
    }

    // A confirmed place is counted in the same statement (a data-modifying WITH) as the booking is written.
    const write = trx.with('counted', (db) =>
      db
        .updateTable('class_sessions')
        .set({ confirmed_count: sql`confirmed_count + 1`, updated_at: now })
        .where('id', '=', session.id)
        // A waitlisted booking takes no place: then nothing is counted.
        .$if(status !== 'CONFIRMED', (qb) => qb.where(sql<boolean>`false`)),
    );
    // A code already taken in this session (about one in a million) is drawn again; under the
    // session's lock nobody else can take the new one meanwhile.
    while (!existing?.check_in_code && Number(state.code_taken ?? 0) > 0) {
      code = newCheckInCode();
      const taken = await trx
        .selectFrom('bookings')
        .select('user_id')
        .where('session_id', '=', session.id)
        .where('check_in_code', '=', code)
        .executeTakeFirst();
      if (!taken) break;
    }
    // A new arrival number either way: a re-booking after a cancel joins the back of the queue.
    const queuedSeq = sql<string>`nextval(pg_get_serial_sequence('bookings', 'queued_seq'))`;
    // Booking again after a late cancel: the row is reused, so the late cancel is kept on the record first.
    if (existing?.status === 'LATE_CANCELLED' && existing.cancelled_at) {
      await trx
        .insertInto('late_cancels')
        .values({ session_id: session.id, user_id: caller.sub, cancelled_at: existing.cancelled_at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const booking = existing
      ? await write
          .updateTable('bookings')
          .set({
            status,
            queued_seq: queuedSeq,
            cancelled_at: null,
            checked_in_at: null,
            check_in_code: existing.check_in_code ?? code,
            updated_at: now,
          })
          .where('session_id', '=', session.id)
          .where('user_id', '=', caller.sub)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await write
          .insertInto('bookings')
          .values({ session_id: session.id, user_id: caller.sub, status, queued_seq: queuedSeq, check_in_code: code })
          .returningAll()
          .executeTakeFirstOrThrow();
    if (status === 'CONFIRMED') session.confirmed_count += 1;
    effects.sessions.push({
      sessionId: session.id,
      kind: status === 'CONFIRMED' ? 'BOOKED' : 'WAITLISTED',
      userId: caller.sub,
    });
    // Under the session's lock nobody else joins the waitlist: a new waitlisted booking is its last place.
    return {
      session,
      sportsClass,
      booking,
      waiting: waiting + (status === 'WAITLISTED' ? 1 : 0),
      position: waiting + 1,
    };
  });
  const core = toBookingCore(result.booking, toPublicProfile(caller.profile), result.position, true);
  return { ...core, session: toSessionView(result.session, result.sportsClass, result.waiting, core, rules, now) };
};
