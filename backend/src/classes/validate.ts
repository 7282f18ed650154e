import { notFound, validation } from '../errors.js';
import type { ErrorCode } from '../rules/errorCodes.js';
import { CLASS_LIMITS } from '../rules/limits.js';
import { Sport } from '../generated/graphql.js';
import {
  enumValues,
  isUuid,
  requireDateTime,
  requireEnum,
  requireInt,
  requireObject,
  requireText,
} from '../validation.js';

export { requireInt } from '../validation.js';

/**
 * Input checks for the classes fields. The gateway already checks GraphQL types, but in AWS nothing
 * else stands between a client and the database, so everything the resolvers rely on is checked here.
 */

/** Ids are uuids: anything else cannot name a row, so it is "not found" (and never reaches SQL as a bad cast). */
export function requireUuid(value: unknown, code: ErrorCode, what: string): string {
  if (!isUuid(value)) throw notFound(code, what);
  return value.toLowerCase();
}

const SPORTS = enumValues(Sport);

export interface ClassFields {
  name: string;
  description: string;
  sport: Sport;
  instructor: string;
  place: string;
  capacity: number;
}

const checks: { [K in keyof ClassFields]: (value: unknown) => ClassFields[K] } = {
  name: (v) => requireText(v, { field: 'input.name', subject: 'className', label: 'Name', ...CLASS_LIMITS.name }),
  description: (v) =>
    requireText(v ?? '', {
      field: 'input.description',
      subject: 'description',
      label: 'Description',
      multiline: true,
      ...CLASS_LIMITS.description,
    }),
  sport: (v) => requireEnum(v, { field: 'input.sport', code: 'sport.invalid', label: 'sport' }, SPORTS),
  instructor: (v) =>
    requireText(v, {
      field: 'input.instructor',
      subject: 'instructor',
      label: 'Instructor',
      ...CLASS_LIMITS.instructor,
    }),
  place: (v) => requireText(v, { field: 'input.place', subject: 'place', label: 'Place', ...CLASS_LIMITS.place }),
  capacity: (v) =>
    requireInt(v, { field: 'input.capacity', code: 'capacity.outOfRange', label: 'Capacity' }, CLASS_LIMITS.capacity),
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
  if (!Object.keys(changes).length) throw noChanges();
  return changes;
}

export const noChanges = () => validation('input.noChanges', 'Change at least one field.', { field: 'input' });

/** A new start for a session: a real date and time, in the future. */
export function requireFutureSessionStart(value: unknown, now: Date, field: string): Date {
  const startsAt = requireDateTimeField(value, field);
  if (startsAt.getTime() <= now.getTime()) {
    throw validation('startsAt.past', 'Start time must be in the future.', { field });
  }
  return startsAt;
}

const requireDateTimeField = (value: unknown, field: string) =>
  requireDateTime(value, { field, code: 'startsAt.invalid', label: 'Start time' });
