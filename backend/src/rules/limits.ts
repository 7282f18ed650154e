/**
 * The limits both sides check: the resolvers refuse what breaks them, and the app's forms check the
 * same numbers before sending. This module (with `text.ts` and `errorCodes.ts`) is the only part of
 * backend/ the app may import: pure data and functions, no Node, no database.
 */

export const ACTIVITY_LIMITS = {
  title: { min: 3, max: 80 },
  description: { min: 0, max: 2000 },
  place: { min: 2, max: 120 },
  mapUrl: { max: 500 },
  durationMinutes: { min: 15, max: 1440 },
  /** Places, the host included. */
  capacity: { min: 2, max: 100 },
  /** A start at least this far ahead, so anyone can still see it. */
  minLeadMinutes: 5,
  maxAheadDays: 366,
  note: { min: 0, max: 500 },
  searchText: { min: 0, max: 100 },
} as const;

export const PROFILE_LIMITS = {
  displayName: { min: 1, max: 60 },
  bio: { min: 0, max: 280 },
  /** Sports a profile may list. */
  sports: { max: 23 },
} as const;

export const MESSAGE_LIMITS = {
  /** Characters (code points), as PostgreSQL's char_length counts them. */
  text: { min: 1, max: 2000 },
} as const;

export const CLASS_LIMITS = {
  name: { min: 3, max: 80 },
  description: { min: 0, max: 2000 },
  instructor: { min: 2, max: 80 },
  place: { min: 2, max: 120 },
  capacity: { min: 1, max: 500 },
} as const;

export const SESSION_LIMITS = {
  durationMinutes: { min: 15, max: 600 },
  repeatWeeks: { min: 1, max: 26 },
  capacity: { min: 1, max: 500 },
  /** The longest range one timetable request may ask for. */
  maxRangeDays: 62,
} as const;

/**
 * A university's booking rules and no-show policy: the defaults every university starts with
 * (docs/product.md; migrations 0002 and 0004 set the same column defaults) and the range an
 * administrator may set each one to.
 */
export const BOOKING_RULE_DEFAULTS = {
  bookingOpensDaysBefore: 7,
  freeCancelMinutesBefore: 60,
  maxBookingsPerDay: 2,
  waitlistClosesMinutesBefore: 60,
  noShowLimit: 3,
  noShowWindowDays: 30,
  noShowBlockDays: 7,
} as const;

export type BookingRuleName = keyof typeof BOOKING_RULE_DEFAULTS;

export const BOOKING_RULE_LIMITS: Record<BookingRuleName, Range> = {
  bookingOpensDaysBefore: { min: 1, max: 60 },
  freeCancelMinutesBefore: { min: 0, max: 2880 },
  maxBookingsPerDay: { min: 1, max: 10 },
  waitlistClosesMinutesBefore: { min: 0, max: 1440 },
  noShowLimit: { min: 1, max: 20 },
  noShowWindowDays: { min: 1, max: 365 },
  noShowBlockDays: { min: 1, max: 90 },
};

/** A booking's check-in code: short enough to type at the door, from letters and digits nobody confuses. */
export const CHECK_IN_CODE = { length: 6, alphabet: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' } as const;

export const ATTENDANCE_LIMITS = {
  /** Weeks of attendance a staff member may look back over at once. */
  weeks: { min: 1, max: 26 },
  defaultWeeks: 8,
  /** The no-show job marks a session's unchecked bookings this long after it ended. */
  noShowAfterHours: 3,
  /** ... and looks back this far, so a session missed while the job was down is still marked. */
  noShowLookbackDays: 7,
} as const;

export const SESSION_TEXT_LIMITS = {
  cancelReason: { min: 0, max: 300 },
} as const;

export const PAGE_LIMITS = { defaultLimit: 20, maxLimit: 100 } as const;

export const NOTIFICATION_LIMITS = { maxIdsPerMark: 500 } as const;

export interface Range {
  min: number;
  max: number;
}

/** A whole number within a range. */
export function inRange(value: unknown, range: Range): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * Limits on volume, per user, kept in the database (backend/src/shared/rateLimit.ts): a refusal is
 * a `RateLimited` error whose errorInfo says when to try again (`retryAt`, `retryAfterSeconds`).
 */
export const RATE_LIMITS = {
  /** Activities one person may create in any 24 hours. */
  activitiesPerDay: 10,
  /** After withdrawing a request to join, asking the same activity again waits this long. */
  joinRenewalMinutes: 10,
  /** Messages one person may send in any minute, and in any 24 hours (to everyone together). */
  messagesPerMinute: 30,
  messagesPerDay: 500,
} as const;

export type RateLimits = { -readonly [K in keyof typeof RATE_LIMITS]: number };
