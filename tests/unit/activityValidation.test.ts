import { describe, expect, it } from 'vitest';
import {
  changedFields,
  emptyFormValues,
  formValuesOf,
  toActivityInput,
  validateActivityForm,
  type ActivityFormValues,
} from '@/activities/validation';
import { makeActivity } from './activityFixtures';

const NOW = new Date('2026-11-26T10:00:00.000Z'); // 11:00 in Brussels
const ZONE = 'Europe/Brussels';

function valid(overrides: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return {
    ...emptyFormValues(),
    sport: 'VOLLEYBALL',
    title: 'Beach volleyball',
    place: 'Sportkot',
    startsAt: '2026-11-28T18:00',
    ...overrides,
  };
}

const check = (
  overrides: Partial<ActivityFormValues>,
  context: Partial<Parameters<typeof validateActivityForm>[1]> = {},
) => validateActivityForm(valid(overrides), { now: NOW, timeZone: ZONE, ...context });

describe('validateActivityForm', () => {
  it('accepts a complete form, with the defaults for duration, places, level and policy', () => {
    expect(check({})).toEqual({});
    expect(emptyFormValues()).toMatchObject({
      durationMinutes: 60,
      capacity: 10,
      skillLevel: 'ANY',
      joinPolicy: 'OPEN',
    });
  });

  it('asks for everything required, each with its own message', () => {
    const errors = validateActivityForm(
      { ...emptyFormValues(), skillLevel: '', joinPolicy: '' },
      { now: NOW, timeZone: ZONE },
    );
    expect(Object.keys(errors).sort()).toEqual(['joinPolicy', 'place', 'skillLevel', 'sport', 'startsAt', 'title']);
    expect(errors.sport).toEqual({ key: 'activityForm.errors.sportRequired', params: undefined });
    expect(errors.startsAt).toEqual({ key: 'activityForm.errors.startRequired', params: undefined });
  });

  it.each([
    ['title', '  ab  ', 'titleLength'],
    ['title', 'x'.repeat(81), 'titleLength'],
    ['title', 'Tab\u0007bell', 'invalidCharacters'],
    ['place', ' a ', 'placeLength'],
    ['place', 'x'.repeat(121), 'placeLength'],
    ['description', 'x'.repeat(2001), 'descriptionTooLong'],
    ['mapUrl', 'maps.google.com', 'mapUrlInvalid'],
    ['mapUrl', 'ftp://example.com', 'mapUrlInvalid'],
    ['mapUrl', 'https://example.com/a b', 'mapUrlInvalid'],
    ['mapUrl', `https://example.com/${'x'.repeat(490)}`, 'mapUrlTooLong'],
    ['durationMinutes', 14, 'durationRange'],
    ['durationMinutes', 1441, 'durationRange'],
    ['durationMinutes', 30.5, 'durationRange'],
    ['durationMinutes', '', 'durationRange'],
    ['capacity', 1, 'capacityRange'],
    ['capacity', 101, 'capacityRange'],
    ['capacity', 'ten', 'capacityRange'],
    ['startsAt', '2026-02-30T18:00', 'startInvalid'],
    ['startsAt', 'tomorrow', 'startInvalid'],
  ])('refuses %s = %j (%s)', (field, value, rule) => {
    expect(check({ [field]: value })[field as keyof ActivityFormValues]).toMatchObject({
      key: `activityForm.errors.${rule}`,
    });
  });

  it.each([
    ['title', '  abc  '],
    ['title', 'x'.repeat(80)],
    ['place', 'ab'],
    ['description', 'x'.repeat(2000)],
    ['mapUrl', '  '],
    ['mapUrl', 'http://osm.org/go/0EEQjE'],
    ['durationMinutes', 15],
    ['durationMinutes', '1440'],
    ['capacity', 2],
    ['capacity', 100],
  ])('accepts %s = %j at the limits the server has', (field, value) => {
    expect(check({ [field]: value })).toEqual({});
  });

  it('wants a start at least 5 minutes ahead and at most 366 days ahead, in the university time zone', () => {
    // 11:04 in Brussels is 10:04 UTC: four minutes from now.
    expect(check({ startsAt: '2026-11-26T11:04' }).startsAt).toEqual({
      key: 'activityForm.errors.startTooSoon',
      params: { minutes: 5 },
    });
    expect(check({ startsAt: '2026-11-26T11:05' })).toEqual({});
    expect(check({ startsAt: '2025-01-01T10:00' }).startsAt).toMatchObject({ key: 'activityForm.errors.startTooSoon' });
    expect(check({ startsAt: '2027-11-27T11:00' })).toEqual({});
    expect(check({ startsAt: '2027-11-27T11:01' }).startsAt).toMatchObject({ key: 'activityForm.errors.startTooFar' });
  });

  it('on edit, holds only a changed start to the window, and capacity to the people already in', () => {
    const edit = { originalStartsAt: '2026-11-26T11:02', minCapacity: 4 };
    expect(check({ startsAt: '2026-11-26T11:02' }, edit)).toEqual({});
    expect(check({ startsAt: '2026-11-26T11:03' }, edit).startsAt).toMatchObject({
      key: 'activityForm.errors.startTooSoon',
    });
    expect(check({ capacity: 3 }, edit).capacity).toEqual({
      key: 'activityForm.errors.capacityBelowConfirmed',
      params: { n: 4 },
    });
    expect(check({ capacity: 4 }, edit)).toEqual({});
  });
});

describe('toActivityInput and changedFields', () => {
  it('trims text, empties the map link to null and converts the start from the university time zone', () => {
    const input = toActivityInput(valid({ title: ' Beach volleyball ', mapUrl: ' ', durationMinutes: '90' }), ZONE);
    expect(input).toEqual({
      sport: 'VOLLEYBALL',
      title: 'Beach volleyball',
      description: '',
      place: 'Sportkot',
      mapUrl: null,
      startsAt: '2026-11-28T17:00:00.000Z',
      durationMinutes: 90,
      capacity: 10,
      skillLevel: 'ANY',
      joinPolicy: 'OPEN',
    });
    expect(toActivityInput(valid({ startsAt: '2026-07-01T18:00' }), ZONE).startsAt).toBe('2026-07-01T16:00:00.000Z');
  });

  it('round-trips a loaded activity, and keeps only what changed', () => {
    const activity = makeActivity();
    const loaded = formValuesOf(activity, ZONE);
    expect(loaded.startsAt).toBe('2026-11-28T18:00');
    const before = toActivityInput(loaded, ZONE);
    expect(changedFields(before, toActivityInput(loaded, ZONE))).toEqual({});
    const after = toActivityInput(
      { ...loaded, place: 'Sportkot hall 2', mapUrl: '', startsAt: '2026-11-28T19:00' },
      ZONE,
    );
    expect(changedFields(before, after)).toEqual({
      place: 'Sportkot hall 2',
      mapUrl: null,
      startsAt: '2026-11-28T18:00:00.000Z',
    });
  });
});
