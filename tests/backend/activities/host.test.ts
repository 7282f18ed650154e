/** The host's side: create, edit (with notifications and promotion), cancel, remove someone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFromNow, openActivitiesWorld, type ActivityView } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const HOST = 'sub-host';
const [ANN, BOB, CAT, DAN] = ['sub-ann', 'sub-bob', 'sub-cat', 'sub-dan'];

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(HOST, 'host@student.kuleuven.be', 'Hanne Host');
  for (const sub of [ANN, BOB, CAT, DAN]) await world.user(sub, `${sub.slice(4)}@student.kuleuven.be`);
});
afterAll(() => world.database.close());

const join = (activityId: string, sub: string) => world.call('Mutation', 'joinActivity', { activityId }, sub);
const update = (id: string, input: Record<string, unknown>, sub = HOST) =>
  world.call<ActivityView>('Mutation', 'updateActivity', { id, input }, sub);
const notes = () => world.services.events.sent.notifications;

describe('createActivity', () => {
  it('stores the activity with the host in the first place', async () => {
    const startsAt = hoursFromNow(48);
    const created = await world.create(HOST, { startsAt, durationMinutes: 60, title: '  Sunday run  ', mapUrl: '' });
    expect(created).toMatchObject({
      title: 'Sunday run',
      mapUrl: null,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      status: 'SCHEDULED',
      host: { id: HOST, displayName: 'Hanne Host', universityId: 'kuleuven' },
      participantCount: 1,
      freePlaces: 5,
      waitlistCount: 0,
      myParticipation: { status: 'HOST', user: { id: HOST } },
      requests: [],
      waitlist: [],
      cancelledAt: null,
    });
    expect(created.participants).toHaveLength(1);
    const row = await world.database.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ university_id: 'kuleuven', host_id: HOST, confirmed_count: 1 });
  });

  it('accepts an omitted description as empty', async () => {
    const created = await world.create(HOST, { description: undefined });
    expect(created.description).toBe('');
  });
});

describe('updateActivity', () => {
  it('tells confirmed and waitlisted people of a new time or place, not of a new title', async () => {
    const { id } = await world.create(HOST, { capacity: 2, title: 'Volley' });
    await join(id, ANN); // joined
    await join(id, BOB); // waitlisted
    const before = notes().length;
    await update(id, { title: 'Beach volley' });
    expect(notes().length).toBe(before);

    const startsAt = hoursFromNow(30);
    const changed = await update(id, { startsAt, place: 'Beach court' });
    expect(changed).toMatchObject({
      title: 'Beach volley',
      place: 'Beach court',
      startsAt: new Date(startsAt).toISOString(),
    });
    const told = notes().slice(before);
    expect(told.map((n) => n.user_id).sort()).toEqual([ANN, BOB]);
    expect(told[0]).toMatchObject({
      type: 'ACTIVITY_CHANGED',
      actor_id: HOST,
      data: {
        title: 'Beach volley',
        changes: ['startsAt', 'place'],
        place: 'Beach court',
        startsAt: new Date(startsAt).toISOString(),
      },
    });
    expect(world.services.events.sent.changes.at(-1)).toEqual({
      activityId: id,
      kind: 'UPDATED',
      userId: null,
      hostId: HOST,
    });
  });

  it('refuses a capacity under the confirmed count, and promotes the waitlist when it grows', async () => {
    const { id } = await world.create(HOST, { capacity: 3 });
    for (const sub of [ANN, BOB, CAT, DAN]) await join(id, sub); // ann, bob joined; cat, dan waitlisted
    await expect(update(id, { capacity: 2 })).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        "Capacity can't be lower than the 3 people already confirmed (you included). Remove someone first, or choose at least 3.",
    });
    const grown = await update(id, { capacity: 4 });
    expect(grown).toMatchObject({ participantCount: 4, freePlaces: 0, waitlistCount: 1 });
    expect(grown.participants.map((p) => p.user.id)).toEqual([HOST, ANN, BOB, CAT]);
    expect(grown.waitlist).toMatchObject([{ user: { id: DAN }, position: 1 }]);
    expect(notes().at(-1)).toMatchObject({ user_id: CAT, type: 'ACTIVITY_WAITLIST_PROMOTED' });
  });

  it('accepts the unchanged start of an activity starting in 3 minutes (a form sends every field)', async () => {
    const { id } = await world.create(HOST);
    const soon = new Date(Date.now() + 3 * 60_000);
    await world.database.db.updateTable('activities').set({ starts_at: soon }).where('id', '=', id).execute();
    const updated = await update(id, { title: 'Quick game', startsAt: soon.toISOString() });
    expect(updated).toMatchObject({ title: 'Quick game', startsAt: soon.toISOString() });
  });

  it('clears the map link with null and keeps fields sent as null otherwise', async () => {
    const { id } = await world.create(HOST);
    const updated = await update(id, { mapUrl: null, title: null });
    expect(updated).toMatchObject({ mapUrl: null, title: 'Pickup basketball' });
  });
});

describe('cancelActivity', () => {
  it('cancels, tells everyone involved, and keeps it out of browsing', async () => {
    const { id } = await world.create(HOST, { capacity: 2 });
    await join(id, ANN);
    await join(id, BOB);
    const approval = await world.create(HOST, { joinPolicy: 'APPROVAL' });
    await join(approval.id, CAT);
    const before = notes().length;
    const cancelled = await world.call<ActivityView>('Mutation', 'cancelActivity', { id }, HOST);
    expect(cancelled).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.cancelledAt).toEqual(expect.any(String));
    expect(
      notes()
        .slice(before)
        .map((n) => [n.user_id, n.type]),
    ).toEqual([
      [ANN, 'ACTIVITY_CANCELLED'],
      [BOB, 'ACTIVITY_CANCELLED'],
    ]);
    await world.call('Mutation', 'cancelActivity', { id: approval.id }, HOST);
    expect(notes().at(-1)).toMatchObject({ user_id: CAT, type: 'ACTIVITY_CANCELLED' });
    const page = await world.call<{ items: { id: string }[] }>('Query', 'activities', { limit: 100 }, ANN);
    expect(page.items.map((a) => a.id)).not.toContain(id);
    await expect(update(id, { title: 'Back on' })).rejects.toMatchObject({ name: 'Conflict' });
  });
});

describe('removeParticipant', () => {
  it('removes someone, tells them, promotes the first waitlisted, and keeps them out', async () => {
    const { id } = await world.create(HOST, { capacity: 2 });
    await join(id, ANN);
    await join(id, BOB);
    const removed = await world.call('Mutation', 'removeParticipant', { activityId: id, userId: ANN }, HOST);
    expect(removed).toMatchObject({ status: 'REMOVED', user: { id: ANN } });
    expect(
      notes()
        .slice(-2)
        .map((n) => [n.user_id, n.type]),
    ).toEqual([
      [ANN, 'PARTICIPANT_REMOVED'],
      [BOB, 'ACTIVITY_WAITLIST_PROMOTED'],
    ]);
    await expect(join(id, ANN)).rejects.toMatchObject({
      name: 'Forbidden',
      message: 'The host removed you from this activity.',
    });
    await expect(
      world.call('Mutation', 'removeParticipant', { activityId: id, userId: BOB }, CAT),
    ).rejects.toMatchObject({ name: 'Forbidden', message: 'Only the host can remove participants.' });
    await expect(
      world.call('Mutation', 'removeParticipant', { activityId: id, userId: CAT }, HOST),
    ).rejects.toMatchObject({ name: 'NotFound', message: 'That participant was not found.' });
  });
});
