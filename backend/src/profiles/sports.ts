import { sql, type RawBuilder } from 'kysely';
import type { SportLevelValue } from '../db/types.js';
import { validation } from '../errors.js';
import { SkillLevel, Sport } from '../generated/graphql.js';
import { PROFILE_LIMITS } from '../rules/limits.js';
import { enumValues } from '../validation.js';

const SPORTS = new Set<string>(enumValues(Sport));
/** A person's level: ANY describes who an activity suits, not how well someone plays. */
const PERSON_LEVELS = new Set<string>(enumValues(SkillLevel).filter((level) => level !== SkillLevel.ANY));

/**
 * The stored list as read: node-postgres and PGlite parse jsonb, the RDS Data API returns its text.
 * Anything unexpected in a row reads as no sports rather than failing the person's whole page.
 */
export function sportLevelsOf(value: unknown): SportLevelValue[] {
  const parsed: unknown = typeof value === 'string' ? safeParse(value) : value;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is SportLevelValue =>
      typeof entry === 'object' &&
      entry !== null &&
      SPORTS.has((entry as SportLevelValue).sport) &&
      PERSON_LEVELS.has((entry as SportLevelValue).level),
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

/** The list for an insert or update: an explicit cast, as the RDS Data API sends strings as varchar. */
export const sportLevelsJson = (list: readonly SportLevelValue[]): RawBuilder<SportLevelValue[]> =>
  sql<SportLevelValue[]>`cast(${JSON.stringify(list)} as jsonb)`;

/** UpdateProfileInput.sports: known sports, a person's level for each, each sport once, not too many. */
export function requireSportLevels(value: unknown, field: string): SportLevelValue[] {
  if (!Array.isArray(value)) throw validation('input.required', `${field} must be a list.`, { field });
  const { max } = PROFILE_LIMITS.sports;
  if (value.length > max)
    throw validation('sports.tooMany', `List at most ${max} sports.`, { field, max, length: value.length });
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const sport = item.sport;
    if (typeof sport !== 'string' || !SPORTS.has(sport))
      throw validation('sport.invalid', 'Choose a sport from the list.', { field: `${field}.${index}.sport` });
    if (typeof item.level !== 'string' || !PERSON_LEVELS.has(item.level))
      throw validation('skillLevel.invalid', 'Choose beginner, intermediate or advanced.', {
        field: `${field}.${index}.level`,
      });
    if (seen.has(sport))
      throw validation('sports.duplicate', 'Each sport can be listed once.', {
        field: `${field}.${index}.sport`,
        sport,
      });
    seen.add(sport);
    return { sport: sport as Sport, level: item.level as SkillLevel };
  });
}
