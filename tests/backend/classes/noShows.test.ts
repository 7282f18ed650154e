import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { markOverdueNoShows } from '../../../backend/src/classes/noShowJob.js';
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
  type Row,
} from './helpers.js';

/** The no-show policy (3 no-shows in 30 days block bookings for 7 days), its blocks, and the job. */

let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses();
  classId = (await t.createClass({ name: 'Crossfit', sport: 'FITNESS' })).id;
  // These students book many sessions on one day here; the per-day limit has its own tests.
  await t.db.updateTable('universities').set({ max_bookings_per_day: 10 }).execute();
});
afterAll(() => t.database.close());
afterEach(() => t.setNow(null));

const book = (sessionId: string, who = emma) => t.mutate('bookSession', { sessionId }, who);
const ago = (ms: number) => new Date(Date.now() - ms);

/** A session `startedAgo` in the past that `who` booked (booked while it was still ahead). */
async function pastBooking(startedAgo: number, who = emma): Promise<string> {
  const startsAt = ago(startedAgo);
  const id = await t.insertSession(classId, startsAt);
  t.setNow(new Date(startsAt.getTime() - HOUR));
  await book(id, who);
  t.setNow(null);
  return id;
}

async function noShow(startedAgo: number, who = emma): Promise<string> {
  const id = await pastBooking(startedAgo, who);
  await t.mutate('markNoShow', { sessionId: id, userId: who.sub }, pieter);
  return id;
}

describe('the no-show policy', () => {
  it('blocks booking after the third no-show within 30 days, saying until when, and staff can lift it', async () => {
    await noShow(40 * DAY); // outside the window: does not count
    await noShow(10 * DAY);
    await noShow(5 * DAY);
    const record = await t.query<Row>('myBookingRecord', {}, emma);
    expect(record).toMatchObject({ noShows: 2, countedNoShows: 2, noShowLimit: 3, windowDays: 30, block: null });

    await noShow(2 * DAY);
    const blocked = await t.query<{ block: { endsAt: string; noShows: number } }>('myBookingRecord', {}, emma);
    expect(blocked.block).toMatchObject({ noShows: 3, liftedAt: null });
    const until = Date.parse(blocked.block.endsAt);
    expect(until - Date.now()).toBeGreaterThan(7 * DAY - 2 * HOUR);
    expect(until - Date.now()).toBeLessThan(7 * DAY + 2 * HOUR);

    const next = await t.insertSession(classId, new Date(Date.now() + DAY));
    await expectError(book(next), 'Conflict', /^You can't book until/);
    await book(next).catch((e: { errorInfo: Row }) =>
      expect(e.errorInfo).toEqual({ code: 'booking.noShowBlocked', until: blocked.block.endsAt }),
    );
    expect(await t.booking(next, emma.sub)).toBeUndefined();

    const blocks = await t.query<Row[]>('bookingBlocks', {}, pieter);
    expect(blocks).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: emma.sub }), noShows: 3 })]);
    // Staff of another university do not even find the student.
    await expectError(t.mutate('liftBookingBlock', { userId: emma.sub }, ugentStaff), 'NotFound');
    await expect(t.query('bookingBlocks', {}, ugentStaff)).resolves.toEqual([]);

    const lifted = await t.mutate<Row>('liftBookingBlock', { userId: emma.sub }, pieter);
    expect(lifted.liftedAt).toEqual(expect.any(String));
    await expect(book(next)).resolves.toMatchObject({ status: 'CONFIRMED' });
    // The no-shows that led to a block never count towards the next one.
    await expect(t.query('myBookingRecord', {}, emma)).resolves.toMatchObject({ noShows: 3, countedNoShows: 0 });
    await expectError(t.mutate('liftBookingBlock', { userId: emma.sub }, pieter), 'NotFound');
  });

  it('ends a block again when staff correct the no-show that started it', async () => {
    await noShow(9 * DAY, lucas);
    await noShow(8 * DAY, lucas);
    // The third is marked while the session still runs, then the student turns up after all.
    const running = await noShow(10 * MINUTE, lucas);
    expect(await t.query('myBookingRecord', {}, lucas)).toMatchObject({ block: expect.any(Object) });
    await t.mutate('checkIn', { sessionId: running, userId: lucas.sub }, pieter);
    await expect(t.query('myBookingRecord', {}, lucas)).resolves.toMatchObject({ countedNoShows: 2, block: null });
  });

  it('lets a late cancel show on the record without blocking anyone', async () => {
    const id = await t.insertSession(classId, new Date(Date.now() + 30 * MINUTE));
    await book(id, noor);
    await t.mutate('cancelBooking', { sessionId: id }, noor);
    await expect(t.query('myBookingRecord', {}, noor)).resolves.toMatchObject({
      lateCancels: 1,
      noShows: 0,
      block: null,
    });
  });
});

describe('a late cancel booked again', () => {
  it('stays on the record and in the attendance figures after the student books the session again', async () => {
    const sportsClass = (await t.createClass({ name: 'Late again', sport: 'FITNESS' })).id;
    const startsAt = new Date(Date.now() + 30 * MINUTE);
    const id = await t.insertSession(sportsClass, startsAt);
    await book(id, lucas);
    await t.mutate('cancelBooking', { sessionId: id }, lucas);
    expect((await t.booking(id, lucas.sub))?.status).toBe('LATE_CANCELLED');
    const late = ((await t.query('myBookingRecord', {}, lucas)) as { lateCancels: number }).lateCancels;

    // Booked again: the booking is confirmed once more, and the late cancel is still counted.
    await expect(book(id, lucas)).resolves.toMatchObject({ status: 'CONFIRMED' });
    await expect(t.query('myBookingRecord', {}, lucas)).resolves.toMatchObject({ lateCancels: late });
    // A second late cancel of the same session counts once more.
    await t.mutate('cancelBooking', { sessionId: id }, lucas);
    await expect(t.query('myBookingRecord', {}, lucas)).resolves.toMatchObject({ lateCancels: late + 1 });
    await book(id, lucas);

    // Once the session has started, the attendance report shows the late cancels too.
    t.setNow(new Date(startsAt.getTime() + 5 * MINUTE));
    const report = (await t.query('classAttendance', { classId: sportsClass, weeks: 1 }, pieter)) as {
      totals: { booked: number; lateCancels: number };
    };
    expect(report.totals).toMatchObject({ booked: 1, lateCancels: 2 });
  });
});

describe('the no-show job', () => {
  it('marks unchecked bookings of a session that took attendance, hours after it ended, once', async () => {
    // Took attendance: one checked in, two did not come.
    const taken = await t.insertSession(classId, ago(5 * HOUR));
    const [a, b, c] = [emma, lucas, noor];
    for (const who of [a, b, c]) {
      t.setNow(ago(6 * HOUR));
      await book(taken, who);
    }
    t.setNow(ago(5 * HOUR - 10 * MINUTE));
    await t.mutate('checkIn', { sessionId: taken, userId: a.sub }, pieter);
    t.setNow(null);
    // Nobody checked in here: staff did not take attendance, so nobody is blamed.
    const untaken = await pastBooking(5 * HOUR, noor);
    // Ended only an hour ago: too early.
    const recent = await t.insertSession(classId, ago(2 * HOUR));
    t.setNow(ago(3 * HOUR));
    await book(recent, lucas);
    await book(recent, emma);
    t.setNow(ago(2 * HOUR - 10 * MINUTE));
    await t.mutate('checkIn', { sessionId: recent, userId: emma.sub }, pieter);
    t.setNow(null);

    const sent = t.services.events.sent.sessionChanges.length;
    const run = await markOverdueNoShows(t.services);
    expect(run).toMatchObject({ sessions: 1, noShows: 2 });
    expect((await t.booking(taken, a.sub))?.status).toBe('CHECKED_IN');
    expect((await t.booking(taken, b.sub))?.status).toBe('NO_SHOW');
    expect((await t.booking(taken, c.sub))?.status).toBe('NO_SHOW');
    expect((await t.booking(untaken, noor.sub))?.status).toBe('CONFIRMED');
    expect((await t.booking(recent, lucas.sub))?.status).toBe('CONFIRMED');
    expect(t.services.events.sent.sessionChanges.slice(sent)).toEqual([{ sessionId: taken, kind: 'NO_SHOW' }]);

    await expect(markOverdueNoShows(t.services)).resolves.toEqual({ sessions: 0, noShows: 0, blocks: 0 });
  });
});
