import { notFound, validation } from '../errors.js';
import { requireObject, requireText } from '../validation.js';

/**
 * Input checks for the classes fields. The gateway already checks GraphQL types, but in AWS nothing
 * else stands between a client and the database, so everything the resolvers rely on is checked here.
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids: anything else cannot name a row, so it is "not found" (and never reaches SQL as a bad cast). */
export function requireUuid(value: unknown, what: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw notFound(what);
  return value.toLowerCase();
}

export function requireInt(value: unknown, field: string, label: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw validation(`${label} must be a whole number.`, field);
  if (value < min || value > max) throw validation(`${label} must be from ${min} to ${max}.`, field);
  return value;
}

// AWSDateTime: an ISO 8601 date and time with an offset (Z or ±hh:mm).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function requireDateTime(value: unknown, field: string, label: string): Date {
  const date = typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw validation(`${label} must be a date and time such as 2026-03-03T18:00:00+01:00.`, field);
  }
  return date;
}

export function requireSport(value: unknown, field = 'sport'): string {
  if (typeof value !== 'string' || !(SPORTS as readonly string[]).includes(value)) {
    throw validation('Choose a sport from the list.', field);
  }
  return value;
}

export interface ClassFields {
  name: string;
  description: string;
  sport: string;
  instructor: string;
  place: string;
  capacity: number;
}

const checks: { [K in keyof ClassFields]: (value: unknown) => ClassFields[K] } = {
  name: (v) => requireText(v, 'name', { label: 'Name', min: 3, max: 80 }),
  description: (v) => requireText(v ?? '', 'description', { label: 'Description', min: 0, max: 2000, multiline: true }),
  sport: (v) => requireSport(v),
  instructor: (v) => requireText(v, 'instructor', { label: 'Instructor', min: 2, max: 80 }),
  place: (v) => requireText(v, 'place', { label: 'Place', min: 2, max: 120 }),
  capacity: (v) => requireInt(v, 'capacity', 'Capacity', 1, 500),
};

export function classInput(input: unknown): ClassFields {
  const raw = requireObject(input, 'input');
  return {
    name: checks.name(raw.name),
    description: checks.description(raw.description),
    sport: checks.sport(raw.sport),
    instructor: checks.instructor(raw.instructor),
    place: checks.place(raw.place),
    capacity: checks.capacity(raw.capacity),
  };
}

/** Only the fields given (null or absent = unchanged); at least one. */
export function classChanges(input: unknown): Partial<ClassFields> {
  const raw = requireObject(input, 'input');
  const changes: Partial<ClassFields> = {};
  for (const key of Object.keys(checks) as (keyof ClassFields)[]) {
    if (raw[key] !== undefined && raw[key] !== null) (changes as Record<string, unknown>)[key] = checks[key](raw[key]);
  }
  if (!Object.keys(changes).length) throw validation('Change at least one field.', 'input');
  return changes;
}
