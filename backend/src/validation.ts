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
    throw validation(min === 1 ? `${rules.label} cannot be empty.` : `${rules.label} needs at least ${min} characters.`, field);
  }
  if (text.length > rules.max) throw validation(`${rules.label} can be at most ${rules.max} characters.`, field);
  if (CONTROL.test(text) || (!rules.multiline && /[\r\n]/.test(text))) {
    throw validation(`${rules.label} contains characters that are not allowed.`, field);
  }
  return text;
}
