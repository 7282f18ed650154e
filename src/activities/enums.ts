import { JoinPolicy, SkillLevel, Sport } from '@/api/generated/graphql';

/**
 * The schema's enums as lists for the screens' choices, in the schema's order (skill levels go
 * from any to advanced). The values come from the generated types, never from a copy.
 */
const valuesOf = <T extends Record<string, string>>(values: T): T[keyof T][] => Object.values(values) as T[keyof T][];

export const SPORTS = valuesOf(Sport);
export const SKILL_LEVELS = valuesOf(SkillLevel);
export const JOIN_POLICIES = valuesOf(JoinPolicy);
/** A person's level in a sport they play: ANY says who an activity suits, not how well someone plays. */
export const PERSON_SKILL_LEVELS = SKILL_LEVELS.filter((level) => level !== SkillLevel.ANY);

/** Sports in the reader's alphabet, "Other" last: a list of 23 is found by name, not by rank. */
export function sportsByName(label: (sport: Sport) => string, locale: string): Sport[] {
  const collator = new Intl.Collator(locale);
  const named = SPORTS.filter((sport) => sport !== Sport.OTHER);
  return [...named.sort((a, b) => collator.compare(label(a), label(b))), Sport.OTHER];
}
