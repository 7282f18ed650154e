import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromLocalTime, toLocalTime } from '../../../backend/src/classes/time.js';
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
  student,
  type ClassesTest,
} from './helpers.js';

/** A student's side of the rules: booking window, per-day limit, waitlist, cancelling and promotion. */

let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses([student(1)]);
  classId = (await t.createClass()).id;
});
afterAll(() => t.database.close());
afterEach(() => t.setNow(null));

type Booking = { status: string; position: number | null; session: { state: string; confirmedCount: number } };
const book = (sessionId: string, who = emma) => t.mutate<Booking>('bookSession', { sessionId }, who);
const cancel = (sessionId: string, who = emma) => t.mutate<Booking>('cancelBooking', { sessionId }, who);
const inFuture = (ms: number) => new Date(Date.now() + ms);
const stateOf = async (sessionId: string, who = emma) => {
  const s = await t.session(sessionId);
  const page = await t.query<{ items: { id: string; state: string }[] }>(
    'classSessions',
    {
      from: new Date(s.starts_at.getTime() - 1).toISOString(),
      to: new Date(s.starts_at.getTime() + 1).toISOString(),
      limit: 100,
    },
    who,
  );
  return page.items.find((i) => i.id === sessionId)!.state;
};

describe('the booking window', () => {
  it('is not open until 7 days before: the session says when it opens, then booking works', async () => {
    const startsAt = inFuture(8 * DAY);
    const id = await t.insertSession(classId, startsAt);
    expect(await stateOf(id)).toBe('NOT_YET_OPEN');
    await expectError(book(id), 'Conflict', /^Booking opens on \w+, \d+ \w+ \d{4} at \d\d:\d\d\. Come back then\.$/);
    expect(await t.booking(id, emma.sub)).toBeUndefined();

    // Two hours' margin: across a DST change, "7 days before" in local days is 7×24 h ± 1 h.
    t.setNow(new Date(startsAt.getTime() - 7 * DAY + 2 * HOUR));
    await expect(book(id)).resolves.toMatchObject({
      status: 'CONFIRMED',
      position: null,
      session: { state: 'BOOKED', confirmedCount: 1 },
    });
  });

  it('refuses sessions that started or were cancelled', async () => {
    const started = await t.insertSession(classId, inFuture(-10 * MINUTE));
    await expectError(book(started), 'Conflict', 'This session has already started. Choose another session.');
    const off = await t.insertSession(classId, inFuture(DAY));
    await t.mutate('cancelSession', { sessionId: off }, pieter);
    await expectError(book(off), 'Conflict', 'This session was cancelled. Choose another session.');
  });

  it('is idempotent: booking twice returns the same booking and takes one place', async () => {
    const id = await t.insertSession(classId, inFuture(DAY + 3 * HOUR));
    await book(id, lucas);
    await expect(book(id, lucas)).resolves.toMatchObject({ status: 'CONFIRMED' });
    expect((await t.session(id)).confirmed_count).toBe(1);
  });
});

describe('at most 2 bookings per student per local day', () => {
  // Three sessions on the same Brussels day, three days from now, and one the day after.
  const at = (days: number, hour: number) => {
    const local = toLocalTime(new Date(Date.now() + days * DAY), 'Europe/Brussels');
    return fromLocalTime({ ...local, hour, minute: 0, second: 0, millisecond: 0 }, 'Europe/Brussels');
  };

  it('refuses a third booking that day, counts waitlist places, frees up on cancel, and allows other days', async () => {
    const morning = await t.insertSession(classId, at(3, 0), 1); // 00:00 local: the day's first minute
    const noon = await t.insertSession(classId, at(3, 12));
    const evening = await t.insertSession(classId, at(3, 23));
    const nextDay = await t.insertSession(classId, at(4, 0));
    await book(morning, lucas); // full: Noor will be waitlisted there
    await expect(book(morning, noor)).resolves.toMatchObject({ status: 'WAITLISTED', position: 1 });
    await book(noon, noor);
    await expectError(
      book(evening, noor),
      'Conflict',
      'You already have 2 bookings on that day, the most allowed. Cancel one of them to book this session.',
    );
    expect(await t.booking(evening, noor.sub)).toBeUndefined();
    await expect(book(nextDay, noor)).resolves.toMatchObject({ status: 'CONFIRMED' });
    await cancel(morning, noor);
    await expect(book(evening, noor)).resolves.toMatchObject({ status: 'CONFIRMED' });
  });

  it('does not count a session the centre cancelled', async () => {
    const a = await t.insertSession(classId, at(5, 9));
    const b = await t.insertSession(classId, at(5, 10));
    const c = await t.insertSession(classId, at(5, 11));
    await book(a, student(1));
    await book(b, student(1));
    await t.mutate('cancelSession', { sessionId: a }, pieter);
    await expect(book(c, student(1))).resolves.toMatchObject({ status: 'CONFIRMED' });
  });
});

describe('the waitlist', () => {
  it('takes people when full, in order, and shows each their place', async () => {
    const id = await t.insertSession(classId, inFuture(2 * DAY), 1);
    await expect(book(id, emma)).resolves.toMatchObject({ status: 'CONFIRMED', session: { state: 'BOOKED' } });
    expect(await stateOf(id, lucas)).toBe('FULL');
    await expect(book(id, lucas)).resolves.toMatchObject({
      status: 'WAITLISTED',
      position: 1,
      session: { state: 'WAITLISTED' },
    });
    await expect(book(id, noor)).resolves.toMatchObject({ status: 'WAITLISTED', position: 2 });
    expect((await t.session(id)).confirmed_count).toBe(1);
  });

  it('closes 60 minutes before the start', async () => {
    const id = await t.insertSession(classId, inFuture(3 * HOUR), 1);
    await book(id, emma);
    const startsAt = (await t.session(id)).starts_at.getTime();
    t.setNow(new Date(startsAt - 61 * MINUTE));
    await expect(book(id, lucas)).resolves.toMatchObject({ status: 'WAITLISTED', position: 1 });
    t.setNow(new Date(startsAt - 60 * MINUTE));
    expect(await stateOf(id, noor)).toBe('CLOSED');
    await expectError(
      book(id, noor),
      'Conflict',
      'The session is full and its waitlist has closed. Choose another session.',
    );
    expect(await t.booking(id, noor.sub)).toBeUndefined();
  });
});
