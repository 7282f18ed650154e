import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  emma,
  expectError,
  lucas,
  noor,
  setupClasses,
  type ClassesTest,
  type User,
} from './helpers.js';

/** Cancelling: free or late, leaving the waitlist, promotion of the first waitlisted; and my own record. */

const pages: User = { sub: 'sub-pages', email: 'pages@student.kuleuven.be', name: 'Page Turner', groups: [] };
let t: ClassesTest;
let classId: string;
beforeAll(async () => {
  t = await setupClasses([pages]);
  classId = (await t.createClass()).id;
});
afterAll(() => t.database.close());
afterEach(() => t.setNow(null));

type Booking = { status: string; position: number | null };
const book = (sessionId: string, who = emma) => t.mutate<Booking>('bookSession', { sessionId }, who);
const cancel = (sessionId: string, who = emma) => t.mutate<Booking>('cancelBooking', { sessionId }, who);
const inFuture = (ms: number) => new Date(Date.now() + ms);

describe('cancelling', () => {
  it('is free until 60 minutes before, late after, and both stay on my record', async () => {
    const early = await t.insertSession(classId, inFuture(6 * DAY + 2 * HOUR));
    const late = await t.insertSession(classId, inFuture(6 * DAY + 4 * HOUR));
    await book(early, lucas);
    await book(late, lucas);
    t.setNow(new Date((await t.session(early)).starts_at.getTime() - 60 * MINUTE));
    await expect(cancel(early, lucas)).resolves.toMatchObject({ status: 'CANCELLED' });
    t.setNow(new Date((await t.session(late)).starts_at.getTime() - 59 * MINUTE));
    await expect(cancel(late, lucas)).resolves.toMatchObject({ status: 'LATE_CANCELLED' });
    await expect(cancel(late, lucas)).resolves.toMatchObject({ status: 'LATE_CANCELLED' }); // a retry changes nothing
    expect((await t.session(late)).confirmed_count).toBe(0);
    t.setNow(null);
    const mine = await t.query<{ items: { sessionId: string; status: string; cancelledAt: string }[] }>(
      'myBookings',
      { when: 'UPCOMING', limit: 100 },
      lucas,
    );
    expect(mine.items.find((b) => b.sessionId === late)).toMatchObject({
      status: 'LATE_CANCELLED',
      cancelledAt: expect.any(String),
    });
    expect(mine.items.find((b) => b.sessionId === early)).toMatchObject({ status: 'CANCELLED' });
  });

  it('leaving the waitlist is never late, and refuses after the start', async () => {
    const id = await t.insertSession(classId, inFuture(DAY + 5 * HOUR), 1);
    await book(id, emma);
    await book(id, lucas);
    const startsAt = (await t.session(id)).starts_at.getTime();
    t.setNow(new Date(startsAt - 10 * MINUTE));
    await expect(cancel(id, lucas)).resolves.toMatchObject({ status: 'CANCELLED' });
    t.setNow(new Date(startsAt + MINUTE));
    await expectError(
      cancel(id, emma),
      'Conflict',
      'This session has already started, so the booking can no longer be cancelled.',
    );
    await expectError(cancel(id, noor), 'NotFound', 'Your booking for this session was not found.');
  });

  it('promotes the first waitlisted student, who is notified; the rest move up', async () => {
    const id = await t.insertSession(classId, inFuture(2 * DAY + 7 * HOUR), 1);
    await book(id, emma);
    await book(id, lucas);
    await book(id, noor);
    const sentBefore = t.services.events.sent.notifications.length;
    await cancel(id, emma);
    expect(await t.booking(id, lucas.sub)).toMatchObject({ status: 'CONFIRMED' });
    expect((await t.session(id)).confirmed_count).toBe(1);
    const sent = t.services.events.sent.notifications.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      user_id: lucas.sub,
      type: 'BOOKING_PROMOTED',
      session_id: id,
      data: { className: 'Yoga for beginners' },
    });
    const noorNow = await t.mutate<Booking>('bookSession', { sessionId: id }, noor);
    expect(noorNow).toMatchObject({ status: 'WAITLISTED', position: 1 });
  });

  it('does not promote once the waitlist has closed: the place is free for anyone', async () => {
    const id = await t.insertSession(classId, inFuture(5 * DAY + 9 * HOUR), 1);
    await book(id, emma);
    await book(id, lucas);
    const startsAt = (await t.session(id)).starts_at.getTime();
    t.setNow(new Date(startsAt - 30 * MINUTE));
    await expect(cancel(id, emma)).resolves.toMatchObject({ status: 'LATE_CANCELLED' });
    expect(await t.booking(id, lucas.sub)).toMatchObject({ status: 'WAITLISTED' });
    await expect(book(id, noor)).resolves.toMatchObject({ status: 'CONFIRMED' });
  });

  it('re-booking reuses the row and joins the back of the waitlist', async () => {
    const id = await t.insertSession(classId, inFuture(4 * DAY), 1);
    await book(id, emma);
    await book(id, lucas);
    await book(id, noor);
    await cancel(id, lucas);
    await expect(book(id, lucas)).resolves.toMatchObject({ status: 'WAITLISTED', position: 2 });
    const rows = await t.db.selectFrom('bookings').select('user_id').where('session_id', '=', id).execute();
    expect(rows).toHaveLength(3);
  });
});

describe('myBookings', () => {
  it('lists upcoming soonest first and past newest first, paged, with every status', async () => {
    const who = pages;
    const ids: string[] = [];
    for (const days of [-3, -2, -1, 1, 2, 3]) {
      const id = await t.insertSession(classId, inFuture(days * DAY + 11 * MINUTE));
      ids.push(id);
      await t.db
        .insertInto('bookings')
        .values({ session_id: id, user_id: who.sub, status: days === -2 ? 'NO_SHOW' : 'CONFIRMED' })
        .execute();
    }
    const first = await t.query<{ items: { sessionId: string }[]; nextToken: string }>(
      'myBookings',
      { when: 'UPCOMING', limit: 2 },
      who,
    );
    const second = await t.query<{ items: { sessionId: string }[]; nextToken: null }>(
      'myBookings',
      { when: 'UPCOMING', limit: 2, nextToken: first.nextToken },
      who,
    );
    expect([...first.items, ...second.items].map((b) => b.sessionId)).toEqual(ids.slice(3));
    expect(second.nextToken).toBeNull();
    const past = await t.query<{ items: { sessionId: string; status: string; session: { state: string } }[] }>(
      'myBookings',
      { when: 'PAST' },
      who,
    );
    expect(past.items.map((b) => b.sessionId)).toEqual([ids[2], ids[1], ids[0]]);
    expect(past.items[1]).toMatchObject({ status: 'NO_SHOW', session: { state: 'PAST' } });
  });
});
