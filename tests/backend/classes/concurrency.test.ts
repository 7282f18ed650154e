import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocalTime, toLocalTime } from '../../../backend/src/classes/time.js';
import { DAY, pieter, setupClasses, student, type ClassesTest } from './helpers.js';

/**
 * Simultaneous calls, as a real pool of connections runs them: never overbooked, the waitlist in
 * strict arrival order, and one student's per-day limit held even when they tap five times at once.
 */

const students = Array.from({ length: 100 }, (_, i) => student(i + 1));
let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses(students);
  classId = (await t.createClass({ capacity: 10 })).id;
});
afterAll(() => t.database.close());

type Booking = { user: { id: string }; status: string; position: number | null };

describe('100 students booking a 10-place session at once', () => {
  let sessionId: string;

  it('confirms exactly 10 and waitlists 90 in positions 1–90', async () => {
    sessionId = await t.insertSession(classId, new Date(Date.now() + 2 * DAY), 10);
    const results = await Promise.all(students.map((s) => t.mutate<Booking>('bookSession', { sessionId }, s)));
    expect(results.filter((b) => b.status === 'CONFIRMED')).toHaveLength(10);
    const waitlisted = results.filter((b) => b.status === 'WAITLISTED');
    expect(waitlisted).toHaveLength(90);
    expect(waitlisted.map((b) => b.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 90 }, (_, i) => i + 1),
    );

    const rows = await t.db
      .selectFrom('bookings')
      .select(['user_id', 'status'])
      .where('session_id', '=', sessionId)
      .execute();
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(100);
    expect(rows.filter((r) => r.status === 'CONFIRMED')).toHaveLength(10);
    expect((await t.session(sessionId)).confirmed_count).toBe(10);
  });

  it('cancelling one confirmed booking promotes exactly the first waitlisted, who is notified', async () => {
    const attendees = await t.query<Booking[]>('sessionAttendees', { sessionId }, pieter);
    const confirmed = attendees.filter((b) => b.status === 'CONFIRMED');
    const first = attendees.find((b) => b.position === 1)!;
    const second = attendees.find((b) => b.position === 2)!;
    const leaver = students.find((s) => s.sub === confirmed[3]!.user.id)!;
    const sent = t.services.events.sent.notifications.length;

    await expect(t.mutate('cancelBooking', { sessionId }, leaver)).resolves.toMatchObject({ status: 'CANCELLED' });
    expect(await t.booking(sessionId, first.user.id)).toMatchObject({ status: 'CONFIRMED' });
    const promoted = t.services.events.sent.notifications.slice(sent);
    expect(promoted.map((n) => [n.user_id, n.type])).toEqual([[first.user.id, 'BOOKING_PROMOTED']]);
    const stored = await t.db
      .selectFrom('notifications')
      .select('user_id')
      .where('session_id', '=', sessionId)
      .execute();
    expect(stored.map((n) => n.user_id)).toEqual([first.user.id]);

    const after = await t.query<Booking[]>('sessionAttendees', { sessionId }, pieter);
    expect(after.filter((b) => b.status === 'CONFIRMED')).toHaveLength(10);
    expect(after.find((b) => b.user.id === second.user.id)?.position).toBe(1);
    expect((await t.session(sessionId)).confirmed_count).toBe(10);
  });
});

describe('one student booking 5 sessions of one day at once', () => {
  it('gets exactly 2 (the per-day limit), the others a Conflict', async () => {
    const local = toLocalTime(new Date(Date.now() + 4 * DAY), 'Europe/Brussels');
    const sessions = await Promise.all(
      [9, 11, 13, 15, 17].map((hour) =>
        t.insertSession(
          classId,
          fromLocalTime({ ...local, hour, minute: 0, second: 0, millisecond: 0 }, 'Europe/Brussels'),
        ),
      ),
    );
    const who = students[0]!;
    const outcomes = await Promise.allSettled(sessions.map((sessionId) => t.mutate('bookSession', { sessionId }, who)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(r.reason).toMatchObject({
        name: 'Conflict',
        message: expect.stringMatching(/^You already have 2 bookings on that day/),
      });
    const held = await t.db
      .selectFrom('bookings')
      .select('status')
      .where('user_id', '=', who.sub)
      .where('session_id', 'in', sessions)
      .execute();
    expect(held).toHaveLength(2);
  });
});
