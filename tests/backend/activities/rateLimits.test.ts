/**
 * Limits on volume, kept in the database per user (issue 11): activity creation, renewing a
 * withdrawn join request, and edits that notify participants. A refusal is `RateLimited` with
 * errorInfo saying when to try again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../backend/src/rules/limits.js';
import { openActivitiesWorld, type ParticipationView } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const HOST = 'sub-limit-host';
const BUSY = 'sub-limit-busy';
const RACER = 'sub-limit-racer';
const [ANN, BOB] = ['sub-limit-ann', 'sub-limit-bob'];

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(HOST, 'limit.host@student.kuleuven.be', 'Hanne Host');
  await world.user(BUSY, 'limit.busy@student.kuleuven.be', 'Busy Bee');
  await world.user(RACER, 'limit.racer@student.kuleuven.be', 'Rita Racer');
  await world.user(ANN, 'limit.ann@student.kuleuven.be', 'Ann');
  await world.user(BOB, 'limit.bob@student.kuleuven.be', 'Bob');
});
afterAll(() => world.database.close());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const inDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString();
const sent = () => world.services.events.sent;
const notificationsOf = (userId: string, activityId: string) =>
  world.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .execute();

describe('creating activities', () => {
  it(`refuses the ${RATE_LIMITS.activitiesPerDay + 1}th in 24 hours with RateLimited, saying when the first leaves the window`, async () => {
    const t0 = new Date(Date.now() + 60 * MINUTE);
    try {
      for (let i = 0; i < RATE_LIMITS.activitiesPerDay; i++) {
        world.setNow(new Date(t0.getTime() + i * MINUTE));
        await world.create(BUSY, { title: `Limited ${i}`, startsAt: inDays(t0, 3) });
      }
      // A refused input counts for nothing.
      world.setNow(new Date(t0.getTime() + 20 * MINUTE));
      await expect(world.create(BUSY, { title: 'x', startsAt: inDays(t0, 3) })).rejects.toMatchObject({
        name: 'ValidationError',
      });
      const before = await world.snapshot();
      const refusal = await world.create(BUSY, { title: 'One too many', startsAt: inDays(t0, 3) }).catch((e) => e);
      expect(refusal).toMatchObject({
        name: 'RateLimited',
        errorInfo: {
          code: 'rateLimit.activitiesPerDay',
          max: RATE_LIMITS.activitiesPerDay,
          retryAt: new Date(t0.getTime() + DAY).toISOString(),
          retryAfterSeconds: (DAY - 20 * MINUTE) / 1000,
        },
      });
      expect(refusal.message).toBe(
        `You have created 10 activities in the last 24 hours. You can create another from ${new Date(t0.getTime() + DAY).toISOString()}.`,
      );
      expect(await world.snapshot()).toEqual(before);

      // Someone else is not held back by it.
      await expect(world.create(HOST, { startsAt: inDays(t0, 3) })).resolves.toMatchObject({
        title: 'Pickup basketball',
      });
      // Once the first one is 24 hours old, one more may be created, and only one.
      world.setNow(new Date(t0.getTime() + DAY + 1000));
      await expect(world.create(BUSY, { title: 'Next day', startsAt: inDays(t0, 3) })).resolves.toMatchObject({
        title: 'Next day',
      });
      await expect(world.create(BUSY, { title: 'Too soon', startsAt: inDays(t0, 3) })).rejects.toMatchObject({
        name: 'RateLimited',
        errorInfo: { retryAt: new Date(t0.getTime() + MINUTE + DAY).toISOString() },
      });
    } finally {
      world.setNow(null);
    }
  });

  it('lets no more than the limit through when one person creates many at once', async () => {
    const attempts = Array.from({ length: RATE_LIMITS.activitiesPerDay + 4 }, (_, i) =>
      world.create(RACER, { title: `Race ${i}` }),
    );
    const settled = await Promise.allSettled(attempts);
    const created = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(created).toHaveLength(RATE_LIMITS.activitiesPerDay);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.name)).toEqual(Array(4).fill('RateLimited'));
    const rows = await world.database.db.selectFrom('activities').select('id').where('host_id', '=', RACER).execute();
    expect(rows).toHaveLength(RATE_LIMITS.activitiesPerDay);
  });
});

describe('join requests', () => {
  const join = (activityId: string, sub: string, note?: string) =>
    world.call<ParticipationView>('Mutation', 'joinActivity', { activityId, note }, sub);
  const leave = (activityId: string, sub: string) =>
    world.call<ParticipationView>('Mutation', 'leaveActivity', { activityId }, sub);

  it('cannot be renewed for a few minutes after a withdrawal, and a request/withdraw loop tells the host once', async () => {
    const { id } = await world.create(HOST, { joinPolicy: 'APPROVAL' });
    const t0 = new Date();
    try {
      world.setNow(t0);
      await join(id, ANN, 'Can I join?');
      await leave(id, ANN);
      const retryAt = new Date(t0.getTime() + RATE_LIMITS.joinRenewalMinutes * MINUTE);
      world.setNow(new Date(t0.getTime() + 2 * MINUTE));
      await expect(join(id, ANN, 'Please?')).rejects.toMatchObject({
        name: 'RateLimited',
        message: `You withdrew your request a moment ago. You can ask to join again from ${retryAt.toISOString()}.`,
        errorInfo: {
          code: 'rateLimit.joinRenewal',
          retryAt: retryAt.toISOString(),
          retryAfterSeconds: (RATE_LIMITS.joinRenewalMinutes - 2) * 60,
          minutes: RATE_LIMITS.joinRenewalMinutes,
        },
      });
      // The loop, each time after the pause: the host was told of the first request only.
      for (let round = 1; round <= 3; round++) {
        world.setNow(new Date(t0.getTime() + round * (RATE_LIMITS.joinRenewalMinutes + 1) * MINUTE));
        expect(await join(id, ANN, `Round ${round}`)).toMatchObject({ status: 'REQUESTED', note: `Round ${round}` });
        await leave(id, ANN);
      }
      const told = await notificationsOf(HOST, id);
      expect(told.map((n) => [n.type, n.actor_id])).toEqual([['JOIN_REQUEST_RECEIVED', ANN]]);
      expect(sent().notifications.filter((n) => n.user_id === HOST && n.activity_id === id)).toHaveLength(1);
      // Someone else's request still reaches the host.
      await join(id, BOB);
      expect((await notificationsOf(HOST, id)).map((n) => n.actor_id)).toEqual([ANN, BOB]);
    } finally {
      world.setNow(null);
    }
  });
});

describe('edits that notify participants', () => {
  const update = (id: string, input: Record<string, unknown>) =>
    world.call('Mutation', 'updateActivity', { id, input }, HOST);

  it('fold into the participant’s unread notice instead of adding one per edit; once read, the next edit notifies again', async () => {
    const { id } = await world.create(HOST, { startsAt: inDays(new Date(), 2) });
    await world.call('Mutation', 'joinActivity', { activityId: id }, ANN);
    const pushedBefore = sent().notifications.length;

    await update(id, { place: 'Court 1' });
    await update(id, { place: 'Court 2' });
    await update(id, { startsAt: inDays(new Date(), 3) });
    let notices = await notificationsOf(ANN, id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data).toMatchObject({ changes: ['startsAt', 'place'], place: 'Court 2' });
    // One live push, for the first edit; the later ones only updated the notice.
    expect(sent().notifications.length - pushedBefore).toBe(1);

    await world.call('Mutation', 'markNotificationsRead', { ids: [notices[0]!.id] }, ANN);
    await update(id, { place: 'Court 3' });
    notices = await notificationsOf(ANN, id);
    expect(notices).toHaveLength(2);
    expect(notices[1]!).toMatchObject({ read_at: null, data: expect.objectContaining({ changes: ['place'] }) });
    expect(sent().notifications.length - pushedBefore).toBe(2);
  });
});
