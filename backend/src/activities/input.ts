import type { Insertable } from 'kysely';
import type { ActivitiesTable } from '../db/types.js';
import { ACTIVITY_LIMITS } from '../rules/limits.js';
import { requireObject, requireText, type TextFieldRule } from '../validation.js';
import {
  JOIN_POLICIES,
  SKILL_LEVELS,
  SPORTS,
  optionalMapUrl,
  requireEnum,
  requireFutureStart,
  requireInt,
  requireStartsAt,
} from './validate.js';

/** The editable fields of an activity, as columns. */
export type ActivityFields = Omit<Insertable<ActivitiesTable>, 'id' | 'university_id' | 'host_id'>;

const text = (rule: Omit<TextFieldRule, 'field'> & { name: string }) => (v: unknown) =>
  requireText(v, { ...rule, field: `input.${rule.name}` });

const title = text({ name: 'title', subject: 'title', label: 'Title', ...ACTIVITY_LIMITS.title });
const description = text({
  name: 'description',
  subject: 'description',
  label: 'Description',
  multiline: true,
  ...ACTIVITY_LIMITS.description,
});
const place = text({ name: 'place', subject: 'place', label: 'Place', ...ACTIVITY_LIMITS.place });

// One checker per field, shared by create and update so both refuse the same values the same way.
const fieldCheckers = {
  sport: (v: unknown) => ({
    sport: requireEnum(v, { field: 'input.sport', code: 'sport.invalid', label: 'sport' }, SPORTS),
  }),
  title: (v: unknown) => ({ title: title(v) }),
  // Optional: missing or null is an empty description.
  description: (v: unknown) => ({ description: v === undefined || v === null ? '' : description(v) }),
  place: (v: unknown) => ({ place: place(v) }),
  mapUrl: (v: unknown) => ({ map_url: optionalMapUrl(v) }),
  durationMinutes: (v: unknown) => ({
    duration_minutes: requireInt(
      v,
      { field: 'input.durationMinutes', code: 'durationMinutes.outOfRange', label: 'Duration', hint: ' minutes' },
      ACTIVITY_LIMITS.durationMinutes,
    ),
  }),
  capacity: (v: unknown) => ({
    capacity: requireInt(
      v,
      { field: 'input.capacity', code: 'capacity.outOfRange', label: 'Capacity', hint: ' people, the host included' },
      ACTIVITY_LIMITS.capacity,
    ),
  }),
  skillLevel: (v: unknown) => ({
    skill_level: requireEnum(
      v,
      { field: 'input.skillLevel', code: 'skillLevel.invalid', label: 'skill level' },
      SKILL_LEVELS,
    ),
  }),
  joinPolicy: (v: unknown) => ({
    join_policy: requireEnum(
      v,
      { field: 'input.joinPolicy', code: 'joinPolicy.invalid', label: 'join policy' },
      JOIN_POLICIES,
    ),
  }),
} as const;

type FieldName = keyof typeof fieldCheckers | 'startsAt';
const FIELD_NAMES: FieldName[] = [...(Object.keys(fieldCheckers) as FieldName[]), 'startsAt'];

export function parseCreateInput(args: Record<string, unknown>, now: Date): ActivityFields {
  const input = requireObject(args.input, 'input');
  const fields: Partial<ActivityFields> = {};
  for (const [name, check] of Object.entries(fieldCheckers)) Object.assign(fields, check(input[name]));
  fields.starts_at = requireFutureStart(input.startsAt, now);
  return fields as ActivityFields;
}

/**
 * Only the fields present are changed. A null map link or description clears it; null for a
 * required field means "leave as is" (a form may send every field).
 */
export function parseUpdateInput(args: Record<string, unknown>): Partial<ActivityFields> {
  const input = requireObject(args.input, 'input');
  const fields: Partial<ActivityFields> = {};
  for (const name of FIELD_NAMES) {
    const value = input[name];
    const clearable = name === 'mapUrl' || name === 'description';
    if (value === undefined || (value === null && !clearable)) continue;
    // Whether a new start is far enough ahead is checked against the stored one (see updateActivity):
    // a form that sends the unchanged start of a soon-starting activity is not refused for it.
    if (name === 'startsAt') fields.starts_at = requireStartsAt(value);
    else Object.assign(fields, fieldCheckers[name](value));
  }
  return fields;
}
