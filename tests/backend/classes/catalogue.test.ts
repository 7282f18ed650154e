import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, emma, expectError, pieter, sarah, setupClasses, ugentStaff, type ClassesTest } from './helpers.js';

/** Classes and scheduling: what staff keep, what students read, DST-safe weekly sessions. */

let t: ClassesTest;
beforeAll(async () => {
  t = await setupClasses();
});
afterAll(() => t.database.close());

describe('bookingRules', () => {
  it("answers the caller's university's rules, with the product's defaults", async () => {
    await expect(t.query('bookingRules', {}, emma)).resolves.toEqual({
      bookingOpensDaysBefore: 7,
      freeCancelMinutesBefore: 60,
      maxBookingsPerDay: 2,
      waitlistClosesMinutesBefore: 60,
      noShowLimit: 3,
      noShowWindowDays: 30,
      noShowBlockDays: 7,
    });
    await t.db.updateTable('universities').set({ max_bookings_per_day: 3 }).where('id', '=', 'ugent').execute();
    await expect(t.query('bookingRules', {}, sarah)).resolves.toMatchObject({ maxBookingsPerDay: 3 });
    await expect(t.query('bookingRules', {}, emma)).resolves.toMatchObject({ maxBookingsPerDay: 2 });
  });
});

describe('classes', () => {
  it('staff create a class (trimmed) and their own university lists it by name; others never see it', async () => {
    const created = await t.createClass({
      name: '  Spinning  ',
      sport: 'SPINNING',
      description: 'Bring water.\nAnd a towel.',
      capacity: 20,
    });
    expect(created).toMatchObject({
      name: 'Spinning',
      sport: 'SPINNING',
      description: 'Bring water.\nAnd a towel.',
      capacity: 20,
    });
    await t.createClass({ name: 'Climbing initiation', sport: 'CLIMBING' });
    const names = (await t.query<{ name: string }[]>('classes', {}, emma)).map((c) => c.name);
    expect(names).toEqual(['Climbing initiation', 'Spinning']);
    await expect(t.query('classes', {}, sarah)).resolves.toEqual([]);
  });

  it('staff update only the fields given', async () => {
    const created = await t.createClass({ name: 'Pilates' });
    const updated = await t.mutate(
      'updateClass',
      { id: created.id, input: { instructor: 'Els Wouters', capacity: 12 } },
      pieter,
    );
    expect(updated).toMatchObject({
      name: 'Pilates',
      instructor: 'Els Wouters',
      capacity: 12,
      place: 'Sportkot hall 2',
    });
  });

  it("refuses students (Forbidden) and other universities' staff (NotFound), and writes nothing", async () => {
    const created = await t.createClass({ name: 'Boxing basics', sport: 'BOXING' });
    const before = await t.snapshot();
    await expectError(t.createClass({}, emma), 'Forbidden', /Only sports-centre staff/);
    await expectError(t.mutate('updateClass', { id: created.id, input: { name: 'Mine now' } }, emma), 'Forbidden');
    await expectError(
      t.mutate('updateClass', { id: created.id, input: { name: 'Mine now' } }, ugentStaff),
      'NotFound',
      'The class was not found.',
    );
    const startsAt = new Date(Date.now() + 2 * DAY).toISOString();
    await expectError(
      t.mutate('scheduleSessions', { classId: created.id, startsAt, durationMinutes: 60 }, emma),
      'Forbidden',
    );
    await expectError(
      t.mutate('scheduleSessions', { classId: created.id, startsAt, durationMinutes: 60 }, ugentStaff),
      'NotFound',
      'The class was not found.',
    );
    expect(await t.snapshot()).toBe(before);
  });
});

describe('scheduleSessions', () => {
  it('makes one session by default, with the class capacity, as the caller sees it', async () => {
    const yoga = await t.createClass({ capacity: 14 });
    const startsAt = new Date(Date.now() + 3 * DAY);
    const sessions = await t.mutate<Record<string, unknown>[]>(
      'scheduleSessions',
      { classId: yoga.id, startsAt: startsAt.toISOString(), durationMinutes: 75 },
      pieter,
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      classId: yoga.id,
      sportsClass: { id: yoga.id, name: 'Yoga for beginners' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 75 * 60_000).toISOString(),
      durationMinutes: 75,
      capacity: 14,
      status: 'SCHEDULED',
      confirmedCount: 0,
      placesLeft: 14,
      waitlistCount: 0,
      state: 'OPEN',
      myBooking: null,
      cancelledAt: null,
      waitlistClosesAt: new Date(startsAt.getTime() - 60 * 60_000).toISOString(),
    });
  });

  // The last Sundays of March and October 2027 are the 28th and the 31st.
  it.each([
    [
      'spring',
      '2027-03-01T00:00:00Z',
      '2027-03-23T17:00:00Z',
      ['2027-03-23T17:00:00.000Z', '2027-03-30T16:00:00.000Z', '2027-04-06T16:00:00.000Z'],
    ],
    [
      'autumn',
      '2027-10-01T00:00:00Z',
      '2027-10-26T16:00:00Z',
      ['2027-10-26T16:00:00.000Z', '2027-11-02T17:00:00.000Z', '2027-11-09T17:00:00.000Z'],
    ],
  ])(
    'keeps "every Tuesday 18:00" at 18:00 Brussels time across the %s DST change',
    async (_season, now, first, expected) => {
      t.setNow(new Date(now));
      try {
        const yoga = await t.createClass();
        const sessions = await t.mutate<{ startsAt: string; bookingOpensAt: string }[]>(
          'scheduleSessions',
          { classId: yoga.id, startsAt: first, durationMinutes: 60, repeatWeeks: 3 },
          pieter,
        );
        expect(sessions.map((s) => s.startsAt)).toEqual(expected);
        const clock = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Brussels',
          weekday: 'long',
          hour: '2-digit',
          minute: '2-digit',
        });
        for (const s of sessions) {
          expect(clock.format(new Date(s.startsAt))).toBe('Tuesday 18:00');
          // Booking opens at the same local time a week before, whichever side of the change that is.
          expect(clock.format(new Date(s.bookingOpensAt))).toBe('Tuesday 18:00');
        }
      } finally {
        t.setNow(null);
      }
    },
  );

  it('makes 26 weekly sessions at most, all visible on the timetable', async () => {
    const yoga = await t.createClass({ name: 'Weekly yoga' });
    const startsAt = new Date(Date.now() + DAY);
    const sessions = await t.mutate<{ id: string }[]>(
      'scheduleSessions',
      { classId: yoga.id, startsAt: startsAt.toISOString(), durationMinutes: 60, repeatWeeks: 26 },
      pieter,
    );
    expect(sessions).toHaveLength(26);
    const page = await t.query<{ items: { id: string }[] }>(
      'classSessions',
      {
        from: new Date(Date.now()).toISOString(),
        to: new Date(Date.now() + 62 * DAY).toISOString(),
        classId: yoga.id,
        limit: 100,
      },
      emma,
    );
    expect(page.items.map((s) => s.id)).toEqual(sessions.slice(0, 9).map((s) => s.id));
  });
});
