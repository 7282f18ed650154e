import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordingGroups } from '../api/harness.js';
import {
  DAY,
  HOUR,
  MINUTE,
  admin,
  emma,
  expectError,
  lucas,
  noor,
  pieter,
  sarah,
  setupClasses,
  ugentStaff,
  type ClassesTest,
  type Row,
} from './helpers.js';

/** Running the sports centre: check-in codes, a session's page, attendance, rules, staff membership. */

let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses();
  classId = (await t.createClass({ name: 'Boxing basics', sport: 'BOXING', place: 'Hall A' })).id;
});
afterAll(() => t.database.close());
afterEach(() => t.setNow(null));

const book = (sessionId: string, who = emma) => t.mutate<Row>('bookSession', { sessionId }, who);
const inFuture = (ms: number) => new Date(Date.now() + ms);
const groups = () => t.services.userGroups as ReturnType<typeof recordingGroups>;

describe('check-in codes', () => {
  it('gives each booking a code only its student sees, which staff type or scan to check them in', async () => {
    const id = await t.insertSession(classId, inFuture(20 * MINUTE));
    const mine = await book(id, emma);
    const code = (mine as { checkInCode: string }).checkInCode;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await book(id, lucas);
    const attendees = await t.query<Row[]>('sessionAttendees', { sessionId: id }, pieter);
    expect(attendees.map((a) => a.checkInCode)).toEqual([null, null]);

    await expectError(t.mutate('checkInByCode', { sessionId: id, code: 'ZZZZZZ' }, pieter), 'NotFound');
    // Typed in lower case with a space, or read from the QR code's text: the same booking.
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    await expect(t.mutate('checkInByCode', { sessionId: id, code: typed }, pieter)).resolves.toMatchObject({
      status: 'CHECKED_IN',
      user: { id: emma.sub },
    });
    await expect(
      t.mutate('checkInByCode', { sessionId: id, code: `HUDDLE-CHECKIN:${id}:${code}` }, pieter),
    ).resolves.toMatchObject({ status: 'CHECKED_IN' });
    await expectError(t.mutate('checkInByCode', { sessionId: id, code }, ugentStaff), 'NotFound');
    expect(t.services.events.sent.sessionChanges).toEqual(
      expect.arrayContaining([{ sessionId: id, kind: 'CHECKED_IN', userId: emma.sub }]),
    );
  });
});

describe("a session's page and the timetable", () => {
  it('answers one session with its place, rules and times, filters by sport, and is not found elsewhere', async () => {
    const id = await t.insertSession(classId, inFuture(3 * DAY));
    const view = await t.query<Row>('classSession', { id }, emma);
    expect(view).toMatchObject({ id, place: 'Hall A', state: 'OPEN', cancelReason: null });
    const startsAt = Date.parse(view.startsAt as string);
    expect(Date.parse(view.freeCancelUntil as string)).toBe(startsAt - HOUR);
    expect(Date.parse(view.checkInOpensAt as string)).toBe(startsAt - 30 * MINUTE);
    await expectError(t.query('classSession', { id }, sarah), 'NotFound');

    const range = { from: new Date().toISOString(), to: inFuture(5 * DAY).toISOString() };
    const boxing = await t.query<{ items: Row[] }>('classSessions', { ...range, sport: 'BOXING' }, emma);
    expect(boxing.items.map((s) => s.id)).toContain(id);
    const yoga = await t.query<{ items: Row[] }>('classSessions', { ...range, sport: 'YOGA' }, emma);
    expect(yoga.items.map((s) => s.id)).not.toContain(id);
  });

  it('moves one session to another place, tells its people, and cancels with a reason they are told', async () => {
    const id = await t.insertSession(classId, inFuture(2 * DAY));
    await book(id, noor);
    const n = t.services.events.sent.notifications.length;
    await expect(
      t.mutate('updateSession', { sessionId: id, input: { place: 'Hall B' } }, pieter),
    ).resolves.toMatchObject({ place: 'Hall B' });
    expect(t.services.events.sent.notifications.slice(n).map((r) => [r.type, r.data.place])).toEqual([
      ['SESSION_CHANGED', 'Hall B'],
    ]);
    await expect(t.mutate('updateSession', { sessionId: id, input: { place: '' } }, pieter)).resolves.toMatchObject({
      place: 'Hall A',
    });
    await expectError(t.mutate('cancelSession', { sessionId: id, reason: 'x'.repeat(301) }, pieter), 'ValidationError');
    const cancelled = await t.mutate<Row>('cancelSession', { sessionId: id, reason: 'The instructor is ill.' }, pieter);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'The instructor is ill.' });
    const told = t.services.events.sent.notifications.filter((r) => r.type === 'SESSION_CANCELLED').at(-1);
    expect(told).toMatchObject({
      user_id: noor.sub,
      data: expect.objectContaining({ reason: 'The instructor is ill.' }),
    });
    expect(t.services.events.sent.sessionChanges.at(-1)).toEqual({ sessionId: id, kind: 'CANCELLED' });
  });
});

describe('attendance per class', () => {
  it('counts booked, attended, no-shows and late cancels by week, leaving out cancelled sessions', async () => {
    const sportsClass = await t.createClass({ name: 'Attendance class', sport: 'DANCE' });
    const held = await t.insertSession(sportsClass.id, new Date(Date.now() - 2 * DAY));
    const off = await t.insertSession(sportsClass.id, new Date(Date.now() - 3 * DAY));
    t.setNow(new Date(Date.now() - 3 * DAY - 2 * HOUR));
    await book(held, emma);
    await book(held, lucas);
    await book(held, noor);
    await book(off, noor);
    t.setNow(new Date(Date.now() - 2 * DAY - 20 * MINUTE));
    await t.mutate('cancelBooking', { sessionId: held }, noor);
    await t.mutate('checkIn', { sessionId: held, userId: emma.sub }, pieter);
    t.setNow(null);
    await t.mutate('markNoShow', { sessionId: held, userId: lucas.sub }, pieter);
    await t.db.updateTable('class_sessions').set({ status: 'CANCELLED' }).where('id', '=', off).execute();

    const report = await t.query<{ weeks: { weekStart: string; figures: Row }[]; totals: Row }>(
      'classAttendance',
      { classId: sportsClass.id, weeks: 4 },
      pieter,
    );
    expect(report.totals).toEqual({ sessions: 1, booked: 2, attended: 1, noShows: 1, lateCancels: 1 });
    expect(report.weeks).toHaveLength(4);
    expect(report.weeks.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.weekStart))).toBe(true);
    // Mondays, oldest first.
    expect(report.weeks.map((w) => new Date(`${w.weekStart}T12:00:00Z`).getUTCDay())).toEqual([1, 1, 1, 1]);
    expect(report.weeks.reduce((sum, w) => sum + (w.figures.attended as number), 0)).toBe(1);
    await expectError(t.query('classAttendance', { classId: sportsClass.id, weeks: 27 }, pieter), 'ValidationError');
    await expectError(t.query('classAttendance', { classId: sportsClass.id }, emma), 'Forbidden');
    await expectError(t.query('classAttendance', { classId: sportsClass.id }, ugentStaff), 'NotFound');
  });
});

describe('booking rules', () => {
  it('are changed by administrators only, one rule at a time, within their ranges', async () => {
    await expectError(t.mutate('updateBookingRules', { input: { noShowLimit: 4 } }, pieter), 'Forbidden');
    await expectError(t.mutate('updateBookingRules', { input: { noShowLimit: 0 } }, admin), 'ValidationError');
    await expectError(t.mutate('updateBookingRules', { input: {} }, admin), 'ValidationError');
    await expect(t.mutate('updateBookingRules', { input: { noShowLimit: 4 } }, admin)).resolves.toMatchObject({
      noShowLimit: 4,
      noShowWindowDays: 30,
      maxBookingsPerDay: 2,
    });
    await expect(t.query('bookingRules', {}, sarah)).resolves.toMatchObject({ noShowLimit: 3 });
    await t.mutate('updateBookingRules', { input: { noShowLimit: 3 } }, admin);
  });
});

describe('staff membership', () => {
  it('lists staff, names a student staff by email and removes them: the server refuses at once', async () => {
    await expectError(t.query('staffMembers', {}, pieter), 'Forbidden');
    const before = await t.query<Row[]>('staffMembers', {}, admin);
    expect(before.map((m) => (m.person as Row).id).sort()).toEqual([admin.sub, pieter.sub].sort());

    await expectError(t.mutate('addStaffMember', { email: sarah.email }, admin), 'NotFound');
    await expectError(t.mutate('addStaffMember', { email: 'nobody@kuleuven.be' }, admin), 'NotFound');
    const added = await t.mutate<Row>('addStaffMember', { email: ` ${noor.email.toUpperCase()} ` }, admin);
    expect(added).toMatchObject({ email: noor.email, roles: ['staff'] });
    expect(groups().changes.at(-1)).toEqual({ change: 'add', sub: noor.sub, group: 'staff' });
    // Her old token has no staff group, but the server's own record is what counts.
    await expect(t.query('staffOverview', {}, { ...noor, groups: [] })).resolves.toMatchObject({ staffCount: 2 });

    await t.mutate('removeStaffMember', { userId: noor.sub }, admin);
    expect(groups().changes.at(-1)).toEqual({ change: 'remove', sub: noor.sub, group: 'staff' });
    // A token that still says "staff" is refused at the next request.
    await expectError(t.query('bookingBlocks', {}, { ...noor, groups: ['staff'] }), 'Forbidden');
    await expectError(t.mutate('removeStaffMember', { userId: sarah.sub }, admin), 'NotFound');
  });

  it('changes nothing when the user pool refuses', async () => {
    groups().failNext();
    await expectError(t.mutate('addStaffMember', { email: lucas.email }, admin), 'Conflict');
    const members = await t.query<Row[]>('staffMembers', {}, admin);
    expect(members.map((m) => (m.person as Row).id)).not.toContain(lucas.sub);
  });
});
