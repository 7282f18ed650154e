import { validation } from './errors.js';

/**
 * Server-side input checks. The schema already holds types; these hold what a schema cannot say
 * (lengths, trimming, control characters) and name the field so the form can show it there.
 */

// Control characters other than tab and newline never belong in text a person typed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw validation(`${field} is required.`, field);
  return value as Record<string, unknown>;
}

export function requireText(
  value: unknown,
  field: string,
  rules: { label: string; min?: number; max: number; multiline?: boolean },
): string {
  if (typeof value !== 'string') throw validation(`${rules.label} is required.`, field);
  const text = value.trim();
  const min = rules.min ?? 1;
  if (text.length < min) {
    throw validation(
      min === 1 ? `${rules.label} cannot be empty.` : `${rules.label} needs at least ${min} characters.`,
      field,
    );
  }
  if (text.length > rules.max) throw validation(`${rules.label} can be at most ${rules.max} characters.`, field);
  if (CONTROL.test(text) || (!rules.multiline && /[\r\n]/.test(text))) {
    throw validation(`${rules.label} contains characters that are not allowed.`, field);
  }
  return text;
}

/** The fixed, translatable list of sports (the schema's Sport enum). */
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
