import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { SKILL_LEVELS, SPORTS } from '@/activities/enums';
import type { ActivityFilter, SkillLevel, Sport } from '@/api/activities';
import { fromLocalInputValue } from '@/i18n/format';

/**
 * The Find screen's filters in three shapes: what the form shows, what the URL holds (so a reload
 * or a shared link keeps them) and what the server is asked. Pure, so each step is unit-tested.
 */
export interface FilterState {
  sport: Sport | '';
  /** A day, YYYY-MM-DD, in the university's time zone; empty: from now. */
  from: string;
  /** The last day included, YYYY-MM-DD; empty: no end. */
  to: string;
  level: FilterLevel | '';
  freeOnly: boolean;
  text: string;
}

/** "Any level" is the empty choice; asking for ANY would show only the all-levels activities. */
export type FilterLevel = Exclude<SkillLevel, 'ANY'>;
export const FILTER_LEVELS = SKILL_LEVELS.filter((level): level is FilterLevel => level !== 'ANY');

/** The server refuses longer search text. */
export const MAX_TEXT_LENGTH = 100;

export const EMPTY_FILTERS: Readonly<FilterState> = Object.freeze({
  sport: '',
  from: '',
  to: '',
  level: '',
  freeOnly: false,
  text: '',
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day after a YYYY-MM-DD day, across month and year ends. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function first(value: LocationQuery[string] | undefined): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
}

const oneOf = <T extends string>(value: string, allowed: readonly T[]): T | '' =>
  (allowed as readonly string[]).includes(value) ? (value as T) : '';

/** Reads filters from the URL; anything unknown or malformed is ignored, not an error. */
export function filtersFromQuery(query: LocationQuery): FilterState {
  const from = first(query.from);
  const to = first(query.to);
  return {
    sport: oneOf(first(query.sport), SPORTS),
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    level: oneOf(first(query.level), FILTER_LEVELS),
    freeOnly: first(query.free) === '1',
    text: first(query.q).trim().slice(0, MAX_TEXT_LENGTH),
  };
}

/** The URL query for filters: only what is set, so an unfiltered search has a clean URL. */
export function filtersToQuery(filters: FilterState): LocationQueryRaw {
  const query: Record<string, string> = {};
  if (filters.sport) query.sport = filters.sport;
  if (isDay(filters.from)) query.from = filters.from;
  if (isDay(filters.to)) query.to = filters.to;
  if (filters.level) query.level = filters.level;
  if (filters.freeOnly) query.free = '1';
  const text = filters.text.trim();
  if (text) query.q = text;
  return query;
}

/** The instant a day starts in a time zone, as ISO (midnight, whatever the DST offset that day). */
export function startOfDay(day: string, timeZone: string): string | null {
  return isDay(day) ? fromLocalInputValue(`${day}T00:00`, timeZone) : null;
}

/** What the server is asked: days become instants in the university's zone; "to" includes its day. */
export function toServerFilter(filters: FilterState, timeZone: string): ActivityFilter {
  const filter: ActivityFilter = {};
  if (filters.sport) filter.sport = filters.sport;
  const from = startOfDay(filters.from, timeZone);
  if (from) filter.from = from;
  const to = isDay(filters.to) ? startOfDay(nextDay(filters.to), timeZone) : null;
  if (to) filter.to = to;
  if (filters.level) filter.skillLevel = filters.level;
  if (filters.freeOnly) filter.hasFreePlaces = true;
  const text = filters.text.trim();
  if (text) filter.text = text;
  return filter;
}

/** One string per distinct set of filters, to compare them and to spot stale answers. */
export function filtersKey(filters: FilterState): string {
  return JSON.stringify(filtersToQuery(filters));
}

/** How many filters are set, the two days counting as one: the number on the "Filters (n)" button. */
export function activeFilterCount(filters: FilterState): number {
  return [filters.sport, filters.from || filters.to, filters.level, filters.freeOnly, filters.text.trim()].filter(
    Boolean,
  ).length;
}

/** The Sunday that ends a day's week (weeks run Monday to Sunday, as in Belgium): the day itself on a Sunday. */
export function endOfWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(d + ((7 - date.getUTCDay()) % 7));
  return date.toISOString().slice(0, 10);
}

/** The quick date choices above the list: today, or from today to the end of the week. */
export type QuickRange = 'today' | 'week';

export function quickRange(range: QuickRange, today: string): Pick<FilterState, 'from' | 'to'> {
  return { from: today, to: range === 'today' ? today : endOfWeek(today) };
}

/** Which quick choice the filters' days are, if any. */
export function quickRangeOf(filters: FilterState, today: string): QuickRange | null {
  if (filters.from !== today) return null;
  if (filters.to === today) return 'today';
  return filters.to === endOfWeek(today) ? 'week' : null;
}
