import type { ApiError } from '@/api/errors';
import type { FormField, FormMessage } from './validation';

/**
 * Where a refused save belongs on the host form. The server names the field at the start of its
 * English message (backend/src/validation.ts, activities/validate.ts, input.ts, host.ts); enums
 * say "Choose a valid <label>." A rule recognised here gets the form's own localized words, any
 * other message on a known field is shown as the server wrote it, and the rest goes above the button.
 */
export type ServerErrorPlacement = { field: FormField; message: FormMessage } | { field: null; message: FormMessage };

const FIELD_LABELS: [string, FormField][] = [
  ['Title', 'title'],
  ['Description', 'description'],
  ['Place', 'place'],
  ['Map link', 'mapUrl'],
  ['Duration', 'durationMinutes'],
  ['Capacity', 'capacity'],
  ['Start time', 'startsAt'],
];

const ENUM_LABELS: Record<string, FormField> = {
  sport: 'sport',
  'skill level': 'skillLevel',
  'join policy': 'joinPolicy',
};

const ENUM_KEYS: Partial<Record<FormField, string>> = {
  sport: 'sportRequired',
  skillLevel: 'skillLevelRequired',
  joinPolicy: 'joinPolicyRequired',
};

const key = (name: string, params?: Record<string, unknown>): FormMessage => ({ key: `errors.${name}`, params });

/** The server's rules, after its label, in the form's words. */
function knownRule(field: FormField, rest: string): FormMessage | null {
  if (/^contains characters that are not allowed\.$/.test(rest)) return key('invalidCharacters');
  const lengthRule = /^(is required|cannot be empty|needs at least \d+ characters|can be at most \d+ characters)\.$/;
  if (field === 'title' && lengthRule.test(rest)) return key('titleLength', { min: 3, max: 80 });
  if (field === 'place' && lengthRule.test(rest)) return key('placeLength', { min: 2, max: 120 });
  if (field === 'description' && /^can be at most \d+ characters\.$/.test(rest)) {
    return key('descriptionTooLong', { max: 2000 });
  }
  if (field === 'mapUrl') {
    if (/^can be at most \d+ characters\.$/.test(rest)) return key('mapUrlTooLong', { max: 500 });
    if (/^must be a web address/.test(rest)) return key('mapUrlInvalid');
  }
  if (field === 'durationMinutes' && /^must be a whole number/.test(rest)) {
    return key('durationRange', { min: 15, max: 1440 });
  }
  if (field === 'capacity') {
    if (/^must be a whole number/.test(rest)) return key('capacityRange', { min: 2, max: 100 });
    const below = /^can't be lower than the (\d+) people already confirmed/.exec(rest);
    if (below) return key('capacityBelowConfirmed', { n: Number(below[1]) });
  }
  if (field === 'startsAt') {
    if (/^must be at least \d+ minutes from now\.$/.test(rest)) return key('startTooSoon', { minutes: 5 });
    if (/^can be at most one year from now\.$/.test(rest)) return key('startTooFar');
    if (/^must be a date and time/.test(rest)) return key('startInvalid');
  }
  return null;
}

/** Form-level refusals the form can still put in its own words. */
function knownFormRule(error: ApiError): FormMessage | null {
  if (/^This activity was cancelled:/.test(error.message)) return key('cancelled');
  if (/^This activity has already started:/.test(error.message)) return key('started');
  if (error.errorType === 'Forbidden') return key('notHost');
  if (error.errorType === 'NotFound') return key('notFound');
  if (error.errorType === 'NetworkError') return key('network');
  return null;
}

export function placeServerError(error: ApiError): ServerErrorPlacement {
  if (error.errorType === 'ValidationError' || error.errorType === 'Conflict') {
    const message = error.message.trim();
    for (const [label, field] of FIELD_LABELS) {
      if (message.startsWith(`${label} `)) {
        return { field, message: knownRule(field, message.slice(label.length + 1)) ?? { text: message } };
      }
    }
    const enumMatch = /^Choose a valid (sport|skill level|join policy)\.$/.exec(message);
    if (enumMatch) {
      const field = ENUM_LABELS[enumMatch[1] as string] as FormField;
      return { field, message: key(ENUM_KEYS[field] as string) };
    }
  }
  return { field: null, message: knownFormRule(error) ?? { text: error.message } };
}
