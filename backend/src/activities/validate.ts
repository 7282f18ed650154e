import { notFound, validation } from '../errors.js';
import { isUuid, requireDateTime } from '../validation.js';

export { SPORTS, isUuid, requireDateTime, requireEnum, requireInt } from '../validation.js';

/**
 * Small input checks the activities resolvers rely on. The gateway already checks GraphQL types,
 * but in AWS nothing else stands between a client and the database, so every value is checked again.
 */

export const SKILL_LEVELS = ['ANY', 'BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export const JOIN_POLICIES = ['OPEN', 'APPROVAL'] as const;

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
