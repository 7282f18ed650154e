/** Joining, asking, the waitlist, answering requests, leaving and being blocked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../../backend/src/rules/limits.js';
import { openActivitiesWorld, type ActivityView, type ParticipationView } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const HOST = 'sub-host';
const [ANN, BOB, CAT, DAN] = ['sub-ann', 'sub-bob', 'sub-cat', 'sub-dan'];

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(HOST, 'host@student.kuleuven.be', 'Hanne Host');
  for (const sub of [ANN, BOB, CAT, DAN]) await world.user(sub, `${sub.slice(4)}@student.kuleuven.be`);
});
afterAll(() => world.database.close());

const join = (activityId: string, sub: string, note?: string) =>
  world.call<ParticipationView>('Mutation', 'joinActivity', { activityId, note }, sub);
const leave = (activityId: string, sub: string) =>
  world.call<ParticipationView>('Mutation', 'leaveActivity', { activityId }, sub);
const respond = (activityId: string, userId: string, approve: boolean) =>
  world.call<ParticipationView>('Mutation', 'respondToJoinRequest', { activityId, userId, approve }, HOST);
const read = (id: string, sub = HOST) => world.call<ActivityView>('Query', 'activity', { id }, sub);
const sent = () => world.services.events.sent;
const notificationsOf = (userId: string) => sent().notifications.filter((n) => n.user_id === userId);

describe('an open activity', () => {
  it('lets people join until full (the host counts), then waitlists them in order', async () => {
    const { id } = await world.create(HOST, { capacity: 3 });
    expect(await join(id, ANN)).toMatchObject({ status: 'JOINED', position: null, user: { id: ANN } });
    expect(await join(id, BOB)).toMatchObject({ status: 'JOINED' });
    expect(await join(id, CAT)).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect(await join(id, DAN)).toMatchObject({ status: 'WAITLISTED', position: 2 });
    const view = await read(id);
    expect(view).toMatchObject({ participantCount: 3, freePlaces: 0, waitlistCount: 2, capacity: 3 });
    expect(view.participants.map((p) => [p.user.id, p.status])).toEqual([
      [HOST, 'HOST'],
      [ANN, 'JOINED'],
      [BOB, 'JOINED'],
    ]);
    expect(view.waitlist.map((p) => [p.user.id, p.position])).toEqual([
      [CAT, 1],
      [DAN, 2],
    ]);
    expect(
      sent()
        .changes.filter((c) => c.activityId === id)
        .map((c) => c.kind),
    ).toEqual(['JOINED', 'JOINED', 'WAITLISTED', 'WAITLISTED']);

    // Joining again is a retry: it returns the same participation and changes nothing.
    expect(await join(id, DAN)).toMatchObject({ status: 'WAITLISTED', position: 2 });
    expect((await read(id)).waitlistCount).toBe(2);

    // A confirmed person leaves: the first waitlisted is promoted and told; the next moves up.
    expect(await leave(id, ANN)).toMatchObject({ status: 'LEFT' });
    const after = await read(id, DAN);
    expect(after.participants.map((p) => p.user.id)).toEqual([HOST, BOB, CAT]);
    expect(after.waitlist.map((p) => [p.user.id, p.position])).toEqual([[DAN, 1]]);
    expect(after.myParticipation).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect(notificationsOf(CAT)).toMatchObject([{ type: 'ACTIVITY_WAITLIST_PROMOTED', activity_id: id }]);
    expect(sent().changes.slice(-2)).toEqual([
      { activityId: id, kind: 'LEFT', userId: ANN, hostId: HOST },
      { activityId: id, kind: 'PROMOTED', userId: CAT, hostId: HOST },
    ]);

    // Leaving the waitlist frees no place; someone who left may come back (at the back of the line).
    expect(await leave(id, DAN)).toMatchObject({ status: 'LEFT' });
    expect(await join(id, ANN)).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect((await read(id, ANN)).myParticipation).toMatchObject({ status: 'WAITLISTED' });
  });
});

describe('an approval activity', () => {
  it('turns a join into a request with a note only the host and the requester read', async () => {
    const { id } = await world.create(HOST, { joinPolicy: 'APPROVAL', capacity: 2, title: 'Padel doubles' });
    const request = await join(id, ANN, '  I play twice a week.  ');
    expect(request).toMatchObject({ status: 'REQUESTED', note: 'I play twice a week.' });
    expect(notificationsOf(HOST).at(-1)).toMatchObject({
      type: 'JOIN_REQUEST_RECEIVED',
      actor_id: ANN,
      activity_id: id,
      data: { title: 'Padel doubles', note: 'I play twice a week.' },
    });
    await join(id, BOB, 'Me too');

    const hostView = await read(id);
    expect(hostView.requests.map((r) => [r.user.id, r.note])).toEqual([
      [ANN, 'I play twice a week.'],
      [BOB, 'Me too'],
    ]);
    expect((await read(id, ANN)).requests).toEqual([]);
    expect((await read(id, ANN)).myParticipation).toMatchObject({ note: 'I play twice a week.' });
    expect((await read(id, CAT)).myParticipation).toBeNull();

    // The one free place goes to the first approved; the next approved waits in line.
    expect(await respond(id, BOB, true)).toMatchObject({ status: 'JOINED' });
    expect(await respond(id, ANN, true)).toMatchObject({ status: 'WAITLISTED', position: 1 });
    expect(notificationsOf(ANN).at(-1)).toMatchObject({
      type: 'JOIN_REQUEST_APPROVED',
      data: { waitlisted: true, position: 1 },
    });
    expect(notificationsOf(BOB).at(-1)).toMatchObject({ type: 'JOIN_REQUEST_APPROVED', data: { waitlisted: false } });
    await expect(respond(id, ANN, false)).rejects.toMatchObject({
      name: 'Conflict',
      message: 'This request was already answered or withdrawn.',
    });
  });

  it('lets a requester withdraw and ask again, and a declined person is not asked again', async () => {
    const { id } = await world.create(HOST, { joinPolicy: 'APPROVAL' });
    await join(id, CAT);
    expect(await leave(id, CAT)).toMatchObject({ status: 'WITHDRAWN' });
    // Asking again waits a few minutes (rateLimits.test.ts).
    world.setNow(new Date(Date.now() + (RATE_LIMITS.joinRenewalMinutes + 1) * 60_000));
    try {
      expect(await join(id, CAT, 'Second try')).toMatchObject({ status: 'REQUESTED', note: 'Second try' });
    } finally {
      world.setNow(null);
    }

    expect(await respond(id, CAT, false)).toMatchObject({ status: 'DECLINED' });
    expect(notificationsOf(CAT).at(-1)).toMatchObject({ type: 'JOIN_REQUEST_DECLINED', activity_id: id });
    await expect(join(id, CAT)).rejects.toMatchObject({
      name: 'Forbidden',
      message: 'The host declined your request to join this activity.',
    });
  });

  it('lets only the host answer', async () => {
    const { id } = await world.create(HOST, { joinPolicy: 'APPROVAL' });
    await join(id, DAN);
    await expect(
      world.call('Mutation', 'respondToJoinRequest', { activityId: id, userId: DAN, approve: true }, ANN),
    ).rejects.toMatchObject({ name: 'Forbidden', message: 'Only the host can answer join requests.' });
  });
});

describe('blocking', () => {
  it('keeps someone the host blocked out, without saying why', async () => {
    const { id } = await world.create(HOST);
    await world.database.db.insertInto('blocks').values({ blocker_id: HOST, blocked_id: DAN }).execute();
    await expect(join(id, DAN)).rejects.toMatchObject({ name: 'Forbidden', message: "You can't join this activity." });
    // Blocking the other way round (Dan blocked the host) does not stop Dan joining.
    await world.database.db.insertInto('blocks').values({ blocker_id: BOB, blocked_id: HOST }).execute();
    await expect(join(id, BOB)).resolves.toMatchObject({ status: 'JOINED' });
  });
});
