import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  emma,
  expectError,
  lucas,
  noor,
  pieter,
  setupClasses,
  ugentStaff,
  type ClassesTest,
} from './helpers.js';

/** The sports-centre side: changing and cancelling sessions, the attendee list, check-in and no-shows. */

let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses();
  classId = (await t.createClass({ name: 'Spinning', sport: 'SPINNING' })).id;
});
afterAll(() => t.database.close());
afterEach(() => t.setNow(null));

const book = (sessionId: string, who = emma) => t.mutate('bookSession', { sessionId }, who);
const inFuture = (ms: number) => new Date(Date.now() + ms);
const sentSince = (n: number) =>
  t.services.events.sent.notifications.slice(n).map((r) => ({ user: r.user_id, type: r.type }));

describe('updateSession', () => {
  it('tells booked and waitlisted people (not those who cancelled) when the time changes', async () => {
    const id = await t.insertSession(classId, inFuture(DAY), 1);
    await book(id, emma);
    await book(id, lucas);
    await book(id, noor);
    await t.mutate('cancelBooking', { sessionId: id }, noor);
    const n = t.services.events.sent.notifications.length;
    const startsAt = inFuture(DAY + HOUR).toISOString();
    const updated = await t.mutate(
      'updateSession',
      { sessionId: id, input: { startsAt, durationMinutes: 90 } },
      pieter,
    );
    expect(updated).toMatchObject({ startsAt, durationMinutes: 90 });
    expect(sentSince(n)).toEqual(
      expect.arrayContaining([
        { user: emma.sub, type: 'SESSION_CHANGED' },
        { user: lucas.sub, type: 'SESSION_CHANGED' },
      ]),
    );
    expect(sentSince(n)).toHaveLength(2);
  });

  it('refuses a capacity below the confirmed places, and promotes the waitlist in order when raised', async () => {
    const id = await t.insertSession(classId, inFuture(2 * DAY), 2);
    await book(id, emma);
    await book(id, lucas);
    await book(id, noor);
    const before = await t.snapshot();
    await expectError(
      t.mutate('updateSession', { sessionId: id, input: { capacity: 1 } }, pieter),
      'ValidationError',
      'Capacity cannot be lower than the 2 places already booked. Cancel bookings first or choose a larger capacity.',
    );
    expect(await t.snapshot()).toBe(before);
    const n = t.services.events.sent.notifications.length;
    await expect(t.mutate('updateSession', { sessionId: id, input: { capacity: 3 } }, pieter)).resolves.toMatchObject({
      capacity: 3,
      confirmedCount: 3,
      placesLeft: 0,
      waitlistCount: 0,
    });
    expect(sentSince(n)).toEqual([{ user: noor.sub, type: 'BOOKING_PROMOTED' }]);
  });
});

describe('cancelSession', () => {
  it('cancels, keeps the bookings, tells confirmed and waitlisted people, and shows CANCELLED', async () => {
    const id = await t.insertSession(classId, inFuture(3 * DAY), 1);
    await book(id, emma);
    await book(id, lucas);
    const n = t.services.events.sent.notifications.length;
    await expect(t.mutate('cancelSession', { sessionId: id }, pieter)).resolves.toMatchObject({
      status: 'CANCELLED',
      state: 'CANCELLED',
    });
    expect(sentSince(n).sort((a, b) => a.user.localeCompare(b.user))).toEqual([
      { user: emma.sub, type: 'SESSION_CANCELLED' },
      { user: lucas.sub, type: 'SESSION_CANCELLED' },
    ]);
    expect(await t.booking(id, emma.sub)).toMatchObject({ status: 'CONFIRMED' });
    const mine = await t.query<{ items: { sessionId: string; session: { state: string } }[] }>(
      'myBookings',
      { when: 'UPCOMING' },
      emma,
    );
    expect(mine.items.find((b) => b.sessionId === id)?.session.state).toBe('CANCELLED');
    await expectError(
      t.mutate('cancelSession', { sessionId: id }, pieter),
      'Conflict',
      'This session was already cancelled, so it cannot be cancelled.',
    );
  });

  it('refuses a session that has started', async () => {
    const id = await t.insertSession(classId, inFuture(-MINUTE));
    await expectError(
      t.mutate('cancelSession', { sessionId: id }, pieter),
      'Conflict',
      'This session has already started, so it cannot be cancelled.',
    );
  });
});

describe('at the door', () => {
  it('lists places in booking order then the waitlist; checks in from 30 minutes before; marks no-shows after the start', async () => {
    const id = await t.insertSession(classId, inFuture(4 * DAY), 2);
    await book(id, lucas);
    await book(id, emma);
    await book(id, noor);
    const list = await t.query<{ user: { id: string }; status: string; position: number | null }[]>(
      'sessionAttendees',
      { sessionId: id },
      pieter,
    );
    expect(list.map((b) => [b.user.id, b.status, b.position])).toEqual([
      [lucas.sub, 'CONFIRMED', null],
      [emma.sub, 'CONFIRMED', null],
      [noor.sub, 'WAITLISTED', 1],
    ]);

    const startsAt = (await t.session(id)).starts_at.getTime();
    t.setNow(new Date(startsAt - 31 * MINUTE));
    await expectError(
      t.mutate('checkIn', { sessionId: id, userId: lucas.sub }, pieter),
      'Conflict',
      'Check-in opens 30 minutes before the start. Try again then.',
    );
    await expectError(
      t.mutate('markNoShow', { sessionId: id, userId: emma.sub }, pieter),
      'Conflict',
      'A no-show can only be marked after the session has started.',
    );
    t.setNow(new Date(startsAt - 30 * MINUTE));
    const checked = await t.mutate('checkIn', { sessionId: id, userId: lucas.sub }, pieter);
    expect(checked).toMatchObject({
      status: 'CHECKED_IN',
      checkedInAt: new Date(startsAt - 30 * MINUTE).toISOString(),
    });
    await expectError(
      t.mutate('checkIn', { sessionId: id, userId: noor.sub }, pieter),
      'Conflict',
      'Noor Claes has no confirmed place in this session (waitlisted).',
    );

    t.setNow(new Date(startsAt + MINUTE));
    await expect(t.mutate('markNoShow', { sessionId: id, userId: emma.sub }, pieter)).resolves.toMatchObject({
      status: 'NO_SHOW',
    });
    // Came late after all: a no-show can still be checked in until the end.
    await expect(t.mutate('checkIn', { sessionId: id, userId: emma.sub }, pieter)).resolves.toMatchObject({
      status: 'CHECKED_IN',
    });
    await expectError(
      t.mutate('markNoShow', { sessionId: id, userId: lucas.sub }, pieter),
      'Conflict',
      'Lucas Janssens cannot be marked as a no-show: their booking is checked in.',
    );
    t.setNow(new Date(startsAt + 60 * MINUTE));
    await expectError(
      t.mutate('checkIn', { sessionId: id, userId: noor.sub }, pieter),
      'Conflict',
      /check-in is closed/,
    );
    expect((await t.session(id)).confirmed_count).toBe(2);
  });

  it('a student sees their own no-show in their past bookings', async () => {
    const id = await t.insertSession(classId, inFuture(5 * DAY));
    await book(id, emma);
    t.setNow(new Date((await t.session(id)).starts_at.getTime() + 5 * MINUTE));
    await t.mutate('markNoShow', { sessionId: id, userId: emma.sub }, pieter);
    t.setNow(new Date((await t.session(id)).starts_at.getTime() + 2 * HOUR));
    const past = await t.query<{ items: { sessionId: string; status: string }[] }>(
      'myBookings',
      { when: 'PAST' },
      emma,
    );
    expect(past.items.find((b) => b.sessionId === id)).toMatchObject({ status: 'NO_SHOW' });
  });
});

describe('staff-only operations', () => {
  it("are Forbidden for students and NotFound for another university's staff, writing nothing", async () => {
    const id = await t.insertSession(classId, inFuture(6 * DAY));
    await book(id, lucas);
    const before = await t.snapshot();
    const calls: [string, 'Query' | 'Mutation', Record<string, unknown>][] = [
      ['sessionAttendees', 'Query', { sessionId: id }],
      ['updateSession', 'Mutation', { sessionId: id, input: { capacity: 20 } }],
      ['cancelSession', 'Mutation', { sessionId: id }],
      ['checkIn', 'Mutation', { sessionId: id, userId: lucas.sub }],
      ['markNoShow', 'Mutation', { sessionId: id, userId: lucas.sub }],
    ];
    for (const [field, type, args] of calls) {
      const run = type === 'Query' ? t.query : t.mutate;
      await expectError(
        run(field, args, emma),
        'Forbidden',
        'Only sports-centre staff can do this. Ask an administrator for staff access.',
      );
      await expectError(run(field, args, ugentStaff), 'NotFound', 'The session was not found.');
    }
    // Other-tenant staff cannot even see the class or the session on their own timetable.
    const theirs = await t.query<{ items: unknown[] }>(
      'classSessions',
      { from: new Date().toISOString(), to: inFuture(30 * DAY).toISOString() },
      ugentStaff,
    );
    expect(theirs.items).toEqual([]);
    expect(await t.snapshot()).toBe(before);
  });
});
