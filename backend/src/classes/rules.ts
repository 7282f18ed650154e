import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../context.js';
import type { Database } from '../db/types.js';
import { addLocalDays } from './time.js';

/** A university's booking rules and time zone: every timing rule of a session is computed from these. */
export interface Rules {
  timeZone: string;
  bookingOpensDays: number;
  freeCancelMinutes: number;
  maxBookingsPerDay: number;
  waitlistClosesMinutes: number;
}

export async function loadRules(db: Kysely<Database> | Transaction<Database>, caller: Caller): Promise<Rules> {
  // resolveCaller read the university with the profile: no need to ask again.
  const row =
    caller.university ??
    (await db
      .selectFrom('universities')
      .select([
        'time_zone',
        'booking_opens_days',
        'free_cancel_minutes',
        'max_bookings_per_day',
        'waitlist_closes_minutes',
      ])
      .where('id', '=', caller.profile.university_id)
      .executeTakeFirstOrThrow());
  return {
    timeZone: row.time_zone,
    bookingOpensDays: row.booking_opens_days,
    freeCancelMinutes: row.free_cancel_minutes,
    maxBookingsPerDay: row.max_bookings_per_day,
    waitlistClosesMinutes: row.waitlist_closes_minutes,
  };
}

const MINUTE = 60_000;

/** The moments that decide what may happen to a session. */
export function sessionTimes(session: { starts_at: Date; duration_minutes: number }, rules: Rules) {
  const startsAt = session.starts_at.getTime();
  return {
    startsAt,
    endsAt: startsAt + session.duration_minutes * MINUTE,
    // Local calendar days: a Tuesday 18:00 session opens the Tuesday before at 18:00, even across a DST change.
    bookingOpensAt: addLocalDays(session.starts_at, -rules.bookingOpensDays, rules.timeZone).getTime(),
    freeCancelUntil: startsAt - rules.freeCancelMinutes * MINUTE,
    waitlistClosesAt: startsAt - rules.waitlistClosesMinutes * MINUTE,
    checkInOpensAt: startsAt - 30 * MINUTE,
  };
}
