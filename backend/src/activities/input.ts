import type { Insertable } from 'kysely';
import type { ActivitiesTable } from '../db/types.js';
import { requireObject, requireText } from '../validation.js';
import {
  JOIN_POLICIES,
  SKILL_LEVELS,
  SPORTS,
  optionalUrl,
  requireEnum,
  requireDateTime,
  requireFutureStart,
  requireInt,
} from './validate.js';

/** The editable fields of an activity, as columns. */
export type ActivityFields = Omit<Insertable<ActivitiesTable>, 'id' | 'university_id' | 'host_id'>;

// One checker per field, shared by create and update so both refuse the same values the same way.
const fieldCheckers = {
  sport: (v: unknown) => ({ sport: requireEnum(v, 'sport', 'sport', SPORTS) }),
  title: (v: unknown) => ({ title: requireText(v, 'title', { label: 'Title', min: 3, max: 80 }) }),
  description: (v: unknown) => ({
    // Optional: missing or null is an empty description.
    description: v === undefined || v === null ? '' : requireText(v, 'description', descriptionRules),
  }),
  place: (v: unknown) => ({ place: requireText(v, 'place', { label: 'Place', min: 2, max: 120 }) }),
  mapUrl: (v: unknown) => ({ map_url: optionalUrl(v, 'mapUrl', 'Map link') }),
  durationMinutes: (v: unknown) => ({
    duration_minutes: requireInt(v, 'durationMinutes', 'Duration', 15, 1440, ' minutes'),
  }),
  capacity: (v: unknown) => ({
    capacity: requireInt(v, 'capacity', 'Capacity', 2, 100, ' people, the host included'),
  }),
  skillLevel: (v: unknown) => ({ skill_level: requireEnum(v, 'skillLevel', 'skill level', SKILL_LEVELS) }),
  joinPolicy: (v: unknown) => ({ join_policy: requireEnum(v, 'joinPolicy', 'join policy', JOIN_POLICIES) }),
} as const;

const descriptionRules = { label: 'Description', min: 0, max: 2000, multiline: true };

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
    if (name === 'startsAt') fields.starts_at = requireDateTime(value, 'startsAt', 'Start time');
    else Object.assign(fields, fieldCheckers[name](value));
  }
  return fields;
}
