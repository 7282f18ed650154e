import { validation } from './errors.js';
import type { ErrorCode } from './rules/errorCodes.js';
import type { Range } from './rules/limits.js';
import { textProblem } from './rules/text.js';

/**
 * Server-side input checks. The schema already holds types; these hold what a schema cannot say
 * (lengths, trimming, control characters) and name the field (`input.title`) and the rule's code,
 * so the app can put the refusal next to its field in the user's language.
 */

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw validation('input.required', `${field} is required.`, { field });
  }
  return value as Record<string, unknown>;
}

/** Text subjects: the first part of the codes of a text field's rules (`title.tooLong`). */
export type TextSubject =
  | 'title'
  | 'description'
  | 'place'
  | 'note'
  | 'search'
  | 'displayName'
  | 'bio'
  | 'message'
  | 'className'
  | 'instructor'
  | 'cancelReason';

export interface TextFieldRule {
  field: string;
  subject: TextSubject;
  label: string;
  min?: number;
  max: number;
  multiline?: boolean;
}

export function requireText(value: unknown, rule: TextFieldRule): string {
  const problem = textProblem(value, rule);
  if (!problem) return (value as string).trim();
  const { field, label, max } = rule;
  const min = rule.min ?? 1;
  const code = `${rule.subject}.${problem}` as ErrorCode;
  switch (problem) {
    case 'required':
      throw validation(code, typeof value === 'string' ? `${label} cannot be empty.` : `${label} is required.`, {
        field,
        min,
        max,
      });
    case 'tooShort':
      throw validation(code, `${label} needs at least ${min} characters.`, { field, min, max });
    case 'tooLong':
      throw validation(code, `${label} can be at most ${max} characters.`, { field, min, max });
    case 'invalidCharacters':
      throw validation(code, `${label} contains characters that are not allowed.`, { field });
  }
}

export function requireEnum<T extends string>(
  value: unknown,
  rule: { field: string; code: ErrorCode; label: string },
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw validation(rule.code, `Choose a valid ${rule.label}.`, { field: rule.field });
  }
  return value as T;
}

export function requireInt(
  value: unknown,
  rule: { field: string; code: ErrorCode; label: string; hint?: string },
  range: Range,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw validation(
      rule.code,
      `${rule.label} must be a whole number from ${range.min} to ${range.max}${rule.hint ?? ''}.`,
      {
        field: rule.field,
        min: range.min,
        max: range.max,
      },
    );
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

export function requireDateTime(value: unknown, rule: { field: string; code: ErrorCode; label: string }): Date {
  const ok = typeof value === 'string' && ISO_DATE_TIME.test(value) && realCalendarDate(value);
  const date = ok ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw validation(rule.code, `${rule.label} must be a date and time such as 2026-05-01T18:00:00Z.`, {
      field: rule.field,
    });
  }
  return date;
}

/** The values of a generated schema enum (`Sport`, `SkillLevel`, …) as a list. */
export const enumValues = <T extends Record<string, string>>(values: T): T[keyof T][] =>
  Object.values(values) as T[keyof T][];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
