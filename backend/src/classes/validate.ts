import { notFound, validation } from '../errors.js';
import { SPORTS, isUuid, requireInt, requireObject, requireText } from '../validation.js';

export { requireDateTime, requireInt } from '../validation.js';

/**
 * Input checks for the classes fields. The gateway already checks GraphQL types, but in AWS nothing
 * else stands between a client and the database, so everything the resolvers rely on is checked here.
 */

/** Ids are uuids: anything else cannot name a row, so it is "not found" (and never reaches SQL as a bad cast). */
export function requireUuid(value: unknown, what: string): string {
  if (!isUuid(value)) throw notFound(what);
  return value.toLowerCase();
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
