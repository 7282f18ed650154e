import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  isDay,
  nextDay,
  startOfDay,
  toServerFilter,
  type FilterState,
} from '@/activities/filterQuery';

const FULL: FilterState = {
  sport: 'VOLLEYBALL',
  from: '2026-11-28',
  to: '2026-11-29',
  level: 'BEGINNER',
  freeOnly: true,
  text: 'sportkot',
};

describe('filters in the URL', () => {
  it('round-trips every filter through the query', () => {
    const query = filtersToQuery(FULL);
    expect(query).toEqual({
      sport: 'VOLLEYBALL',
      from: '2026-11-28',
      to: '2026-11-29',
      level: 'BEGINNER',
      free: '1',
      q: 'sportkot',
    });
    expect(filtersFromQuery(query as Record<string, string>)).toEqual(FULL);
  });

  it('writes nothing for empty filters', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toEqual({});
    expect(filtersFromQuery({})).toEqual(EMPTY_FILTERS);
  });

  it('ignores unknown or malformed values', () => {
    expect(
      filtersFromQuery({
        sport: 'CURLING',
        from: '2026-02-30',
        to: 'tomorrow',
        level: 'ANY',
        free: 'yes',
        q: '   ',
        other: 'x',
      }),
    ).toEqual(EMPTY_FILTERS);
  });

  it('takes the first of repeated keys and trims the search text', () => {
    expect(filtersFromQuery({ sport: ['TENNIS', 'PADEL'], q: [null, 'x'] })).toMatchObject({
      sport: 'TENNIS',
      text: '',
    });
    expect(filtersFromQuery({ q: '  padel  ' }).text).toBe('padel');
  });

  it('knows a real calendar day', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('the server filter', () => {
  it('turns days into the instants they start at in the university zone, "to" including its day', () => {
    expect(toServerFilter(FULL, 'Europe/Brussels')).toEqual({
      sport: 'VOLLEYBALL',
      from: '2026-11-27T23:00:00.000Z',
      to: '2026-11-29T23:00:00.000Z',
      skillLevel: 'BEGINNER',
      hasFreePlaces: true,
      text: 'sportkot',
    });
  });

  it('asks for nothing when nothing is set (the server starts at now)', () => {
    expect(toServerFilter(EMPTY_FILTERS, 'Europe/Brussels')).toEqual({});
  });

  it('follows summer time: a day in July starts at 22:00 UTC, the day clocks change at midnight local', () => {
    expect(startOfDay('2026-07-14', 'Europe/Brussels')).toBe('2026-07-13T22:00:00.000Z');
    // Clocks go forward on 29 March 2026 at 02:00: that day starts in winter time, the next in summer time.
    expect(startOfDay('2026-03-29', 'Europe/Brussels')).toBe('2026-03-28T23:00:00.000Z');
    const filter = toServerFilter({ ...EMPTY_FILTERS, from: '2026-03-29', to: '2026-03-29' }, 'Europe/Brussels');
    expect(filter).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });

  it('uses the zone it is given', () => {
    expect(startOfDay('2026-11-28', 'America/New_York')).toBe('2026-11-28T05:00:00.000Z');
  });
});
