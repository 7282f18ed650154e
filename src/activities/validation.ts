import type { Activity, ActivityInput, JoinPolicy, SkillLevel, Sport } from '@/api/activities';
import { ACTIVITY_LIMITS } from '@rules/limits';
import { isWebAddress, textProblem, type TextRule } from '@rules/text';
import { fromLocalInputValue, toLocalInputValue } from '@/i18n/format';
import type { ShownMessage } from '@/i18n/serverError';
import { JOIN_POLICIES, SKILL_LEVELS, SPORTS } from './enums';

/**
 * The host form's values and the checks the server makes on them, run before sending so most
 * mistakes are caught without a round trip. The limits and text rules are the server's own
 * (`@rules`, imported by the resolvers too), so the two can never disagree. Pure: errors are
 * message keys, translated by the component.
 */
export const FORM_FIELDS = [
  'sport',
  'title',
  'description',
  'place',
  'mapUrl',
  'startsAt',
  'durationMinutes',
  'capacity',
  'skillLevel',
  'joinPolicy',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface ActivityFormValues {
  sport: Sport | '';
  title: string;
  description: string;
  place: string;
  mapUrl: string;
  /** Wall-clock time in the university's time zone, as a datetime-local input holds it. */
  startsAt: string;
  /** A number input gives a number, or the raw text when it holds no number. */
  durationMinutes: number | string;
  capacity: number | string;
  skillLevel: SkillLevel | '';
  joinPolicy: JoinPolicy | '';
}

/** A message to show: a message key with its values, or the server's own words. */
export type FormMessage = ShownMessage;
export type FormErrors = Partial<Record<FormField, FormMessage>>;

export function emptyFormValues(): ActivityFormValues {
  return {
    sport: '',
    title: '',
    description: '',
    place: '',
    mapUrl: '',
    startsAt: '',
    durationMinutes: 60,
    capacity: 10,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  };
}

export function formValuesOf(activity: Activity, timeZone: string): ActivityFormValues {
  return {
    sport: activity.sport,
    title: activity.title,
    description: activity.description,
    place: activity.place,
    mapUrl: activity.mapUrl ?? '',
    startsAt: toLocalInputValue(activity.startsAt, timeZone),
    durationMinutes: activity.durationMinutes,
    capacity: activity.capacity,
    skillLevel: activity.skillLevel,
    joinPolicy: activity.joinPolicy,
  };
}

export interface ValidationContext {
  now: Date;
  timeZone: string;
  /** On edit, the start as first loaded: an unchanged start is not held to "from now". */
  originalStartsAt?: string;
  /** On edit, the people already confirmed (host included): capacity cannot go below it. */
  minCapacity?: number;
}

const LIMITS = ACTIVITY_LIMITS;
const key = (name: string, params?: Record<string, unknown>): FormMessage => ({
  key: `activityForm.errors.${name}`,
  params,
});

function wholeNumber(value: number | string): number | null {
  const number = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(number) ? number : null;
}

function checkText(value: string, rule: TextRule, tooShortOrLong: FormMessage) {
  const problem = textProblem(value, rule);
  if (problem === 'invalidCharacters') return key('invalidCharacters');
  return problem ? tooShortOrLong : undefined;
}

function checkMapUrl(value: string): FormMessage | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (text.length > LIMITS.mapUrl.max) return key('mapUrlTooLong', { max: LIMITS.mapUrl.max });
  return isWebAddress(text) ? undefined : key('mapUrlInvalid');
}

function checkStart(value: string, context: ValidationContext): FormMessage | undefined {
  if (!value) return key('startRequired');
  const iso = fromLocalInputValue(value, context.timeZone);
  // A datetime-local input only holds real dates, but typed values (or 2026-02-30) must not slip through.
  if (!iso || toLocalInputValue(iso, context.timeZone).slice(0, 10) !== value.slice(0, 10)) {
    return key('startInvalid');
  }
  if (context.originalStartsAt !== undefined && value === context.originalStartsAt) return undefined;
  const at = new Date(iso).getTime();
  if (at < context.now.getTime() + LIMITS.minLeadMinutes * 60_000) {
    return key('startTooSoon', { minutes: LIMITS.minLeadMinutes });
  }
  if (at > context.now.getTime() + LIMITS.maxAheadDays * 86_400_000) return key('startTooFar');
  return undefined;
}

function checkRange(value: number | string, limits: { min: number; max: number }, name: string) {
  const number = wholeNumber(value);
  return number === null || number < limits.min || number > limits.max ? key(name, limits) : undefined;
}

function checkCapacity(value: number | string, minCapacity: number | undefined): FormMessage | undefined {
  const outOfRange = checkRange(value, LIMITS.capacity, 'capacityRange');
  if (outOfRange) return outOfRange;
  if (minCapacity !== undefined && Number(value) < minCapacity)
    return key('capacityBelowConfirmed', { n: minCapacity });
  return undefined;
}

const oneOf = (values: readonly string[], value: string) => values.includes(value);

/** Every field's problem, or an empty object when the form may be sent. */
export function validateActivityForm(values: ActivityFormValues, context: ValidationContext): FormErrors {
  const multiline = { ...LIMITS.description, multiline: true };
  const checks: Record<FormField, () => FormMessage | undefined> = {
    sport: () => (oneOf(SPORTS, values.sport) ? undefined : key('sportRequired')),
    title: () => checkText(values.title, LIMITS.title, key('titleLength', LIMITS.title)),
    description: () => checkText(values.description, multiline, key('descriptionTooLong', LIMITS.description)),
    place: () => checkText(values.place, LIMITS.place, key('placeLength', LIMITS.place)),
    mapUrl: () => checkMapUrl(values.mapUrl),
    startsAt: () => checkStart(values.startsAt, context),
    durationMinutes: () => checkRange(values.durationMinutes, LIMITS.durationMinutes, 'durationRange'),
    capacity: () => checkCapacity(values.capacity, context.minCapacity),
    skillLevel: () => (oneOf(SKILL_LEVELS, values.skillLevel) ? undefined : key('skillLevelRequired')),
    joinPolicy: () => (oneOf(JOIN_POLICIES, values.joinPolicy) ? undefined : key('joinPolicyRequired')),
  };
  const errors: FormErrors = {};
  for (const field of FORM_FIELDS) {
    const error = checks[field]();
    if (error) errors[field] = error;
  }
  return errors;
}

/** What the API is sent, from values that passed validateActivityForm. */
export function toActivityInput(values: ActivityFormValues, timeZone: string): ActivityInput {
  return {
    sport: values.sport as Sport,
    title: values.title.trim(),
    description: values.description.trim(),
    place: values.place.trim(),
    mapUrl: values.mapUrl.trim() || null,
    startsAt: fromLocalInputValue(values.startsAt, timeZone) ?? values.startsAt,
    durationMinutes: Number(values.durationMinutes),
    capacity: Number(values.capacity),
    skillLevel: values.skillLevel as SkillLevel,
    joinPolicy: values.joinPolicy as JoinPolicy,
  };
}

/** Only what the host changed, so an edit touches (and notifies about) nothing else. */
export function changedFields(before: ActivityInput, after: ActivityInput): Partial<ActivityInput> {
  const changes: Partial<Record<keyof ActivityInput, unknown>> = {};
  for (const field of Object.keys(after) as (keyof ActivityInput)[]) {
    const same =
      field === 'startsAt'
        ? new Date(before.startsAt).getTime() === new Date(after.startsAt).getTime()
        : before[field] === after[field];
    if (!same) changes[field] = after[field];
  }
  return changes as Partial<ActivityInput>;
}
