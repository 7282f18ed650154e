import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../context.js';
import type { Database, University } from '../db/types.js';
import { addLocalDays } from './time.js';

/** A university's booking rules and time zone: every timing rule of a session is computed from these. */
export interface Rules {
  timeZone: string;
  bookingOpensDays: number;
  freeCancelMinutes: number;
  maxBookingsPerDay: number;
  waitlistClosesMinutes: number;
  /** This many no-shows within noShowWindowDays block new bookings for noShowBlockDays. */
  noShowLimit: number;
  noShowWindowDays: number;
  noShowBlockDays: number;
}

type RuleColumns = Pick<
  University,
  | 'time_zone'
  | 'booking_opens_days'
  | 'free_cancel_minutes'
  | 'max_bookings_per_day'
  | 'waitlist_closes_minutes'
  | 'no_show_limit'
  | 'no_show_window_days'
  | 'no_show_block_days'
>;

export const RULE_COLUMNS = [
  'time_zone',
  'booking_opens_days',
  'free_cancel_minutes',
  'max_bookings_per_day',
  'waitlist_closes_minutes',
  'no_show_limit',
  'no_show_window_days',
  'no_show_block_days',
] as const satisfies readonly (keyof RuleColumns)[];

export function toRules(row: RuleColumns): Rules {
  return {
    timeZone: row.time_zone,
    bookingOpensDays: row.booking_opens_days,
    freeCancelMinutes: row.free_cancel_minutes,
    maxBookingsPerDay: row.max_bookings_per_day,
    waitlistClosesMinutes: row.waitlist_closes_minutes,
    noShowLimit: row.no_show_limit,
    noShowWindowDays: row.no_show_window_days,
    noShowBlockDays: row.no_show_block_days,
  };
}

/** One university's rules, for code that runs for no caller (the no-show job). */
export async function loadUniversityRules(
  db: Kysely<Database> | Transaction<Database>,
  universityId: string,
): Promise<Rules> {
  return toRules(
    await db.selectFrom('universities').select(RULE_COLUMNS).where('id', '=', universityId).executeTakeFirstOrThrow(),
  );
}

export async function loadRules(db: Kysely<Database> | Transaction<Database>, caller: Caller): Promise<Rules> {
  // resolveCaller read the university with the profile: no need to ask again.
  return caller.university ? toRules(caller.university) : loadUniversityRules(db, caller.profile.university_id);
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
