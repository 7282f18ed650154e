import { notFound, validation } from '../errors.js';
import { JoinPolicy, SkillLevel, Sport } from '../generated/graphql.js';
import type { ErrorCode } from '../rules/errorCodes.js';
import { ACTIVITY_LIMITS } from '../rules/limits.js';
import { isWebAddress } from '../rules/text.js';
import { enumValues, isUuid, requireDateTime } from '../validation.js';

export { isUuid, requireDateTime, requireEnum, requireInt } from '../validation.js';

/**
 * Small input checks the activities resolvers rely on. The gateway already checks GraphQL types,
 * but in AWS nothing else stands between a client and the database, so every value is checked again.
 */

export const SPORTS = enumValues(Sport);
export const SKILL_LEVELS = enumValues(SkillLevel);
export const JOIN_POLICIES = enumValues(JoinPolicy);

const { minLeadMinutes: MIN_LEAD_MINUTES, maxAheadDays: MAX_AHEAD_DAYS } = ACTIVITY_LIMITS;

/** An activity's start: far enough ahead for anyone to see it, and not more than a year out. */
export function requireFutureStart(value: unknown, now: Date): Date {
  return requireStartWindow(requireStartsAt(value), now);
}

export const requireStartsAt = (value: unknown) =>
  requireDateTime(value, { field: 'input.startsAt', code: 'startsAt.invalid', label: 'Start time' });

export function requireStartWindow(startsAt: Date, now: Date): Date {
  const field = 'input.startsAt';
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MINUTES * 60_000) {
    throw validation('startsAt.tooSoon', `Start time must be at least ${MIN_LEAD_MINUTES} minutes from now.`, {
      field,
      minutes: MIN_LEAD_MINUTES,
    });
  }
  if (startsAt.getTime() > now.getTime() + MAX_AHEAD_DAYS * 86_400_000) {
    throw validation('startsAt.tooFar', 'Start time can be at most one year from now.', {
      field,
      days: MAX_AHEAD_DAYS,
    });
  }
  return startsAt;
}

/** An optional http(s) link (a map); empty means none. */
export function optionalMapUrl(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const field = 'input.mapUrl';
  const { max } = ACTIVITY_LIMITS.mapUrl;
  const invalid = () =>
    validation('mapUrl.invalid', 'Map link must be a web address starting with https:// or http://.', { field });
  if (typeof value !== 'string') throw invalid();
  const text = value.trim();
  if (!text) return null;
  if (text.length > max)
    throw validation('mapUrl.tooLong', `Map link can be at most ${max} characters.`, { field, max });
  if (!isWebAddress(text)) throw invalid();
  return text;
}

/** Activity ids are uuids: anything else cannot exist, so it is "not found" (and never reaches SQL). */
export function requireActivityId(value: unknown): string {
  if (!isUuid(value)) throw notFound('activity.notFound', 'The activity');
  return value.toLowerCase();
}

export function requireUserId(value: unknown, code: ErrorCode, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) throw notFound(code, what);
  return value;
}

export function requireBoolean(value: unknown, rule: { field: string; code: ErrorCode; label: string }): boolean {
  if (typeof value !== 'boolean')
    throw validation(rule.code, `${rule.label} must be true or false.`, { field: rule.field });
  return value;
}
