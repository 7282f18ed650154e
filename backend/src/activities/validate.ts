import { notFound, validation } from '../errors.js';

/**
 * Small input checks the activities resolvers rely on. The gateway already checks GraphQL types,
 * but in AWS nothing else stands between a client and the database, so every value is checked again.
 */

export const SPORTS = [
  'BASKETBALL',
  'FOOTBALL',
  'VOLLEYBALL',
  'TENNIS',
  'BADMINTON',
  'TABLE_TENNIS',
  'PADEL',
  'SQUASH',
  'HOCKEY',
  'ULTIMATE_FRISBEE',
  'RUNNING',
  'CYCLING',
  'SWIMMING',
  'ROWING',
  'CLIMBING',
  'HIKING',
  'YOGA',
  'PILATES',
  'SPINNING',
  'FITNESS',
  'BOXING',
  'DANCE',
  'OTHER',
] as const;
export const SKILL_LEVELS = ['ANY', 'BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export const JOIN_POLICIES = ['OPEN', 'APPROVAL'] as const;

export function requireEnum<T extends string>(value: unknown, field: string, label: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validation(`Choose a valid ${label}.`, field);
  }
  return value as T;
}

export function requireInt(value: unknown, field: string, label: string, min: number, max: number, hint = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw validation(`${label} must be a whole number from ${min} to ${max}${hint}.`, field);
  }
  return value;
}

// AWSDateTime: a date, a time and an offset (AppSync refuses anything else).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

// Date parsing rolls 2026-02-30 over into March: the calendar date must exist as written.
function realCalendarDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export function requireDateTime(value: unknown, field: string, label: string): Date {
  const ok = typeof value === 'string' && ISO_DATE_TIME.test(value) && realCalendarDate(value);
  const date = ok ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw validation(`${label} must be a date and time such as 2026-05-01T18:00:00Z.`, field);
  }
  return date;
}

export const MIN_LEAD_MINUTES = 5;
export const MAX_AHEAD_DAYS = 366;

/** An activity's start: far enough ahead for anyone to see it, and not more than a year out. */
export function requireFutureStart(value: unknown, now: Date): Date {
  return requireStartWindow(requireDateTime(value, 'startsAt', 'Start time'), now);
}

export function requireStartWindow(startsAt: Date, now: Date): Date {
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MINUTES * 60_000) {
    throw validation(`Start time must be at least ${MIN_LEAD_MINUTES} minutes from now.`, 'startsAt');
  }
  if (startsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) {
    throw validation('Start time can be at most one year from now.', 'startsAt');
  }
  return startsAt;
}

/** An optional http(s) link (a map); empty means none. */
export function optionalUrl(value: unknown, field: string, label: string, max = 500): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw validation(`${label} must be a web address.`, field);
  const text = value.trim();
  if (!text) return null;
  if (text.length > max) throw validation(`${label} can be at most ${max} characters.`, field);
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || /\s/.test(text)) {
    throw validation(`${label} must be a web address starting with https:// or http://.`, field);
  }
  return text;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Activity ids are uuids: anything else cannot exist, so it is "not found" (and never reaches SQL). */
export function requireActivityId(value: unknown): string {
  if (!isUuid(value)) throw notFound('The activity');
  return value.toLowerCase();
}

export function requireUserId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) throw notFound(what);
  return value;
}

export function requireBoolean(value: unknown, field: string, label: string): boolean {
  if (typeof value !== 'boolean') throw validation(`${label} must be true or false.`, field);
  return value;
}
