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
