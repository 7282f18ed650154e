/**
 * Places under load: 100 students join an open activity of capacity 10 at the same moment. Run on
 * PGlite and on a real PostgreSQL server (TEST_DATABASE_URL) whose pool really runs them in parallel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openActivitiesWorld, type ActivityView, type ParticipationView } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const HOST = 'sub-host';
const students = Array.from({ length: 100 }, (_, i) => `sub-student-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(HOST, 'host@student.kuleuven.be');
  await world.database.db
    .insertInto('profiles')
    .values(
      students.map((id) => ({ id, email: `${id}@student.kuleuven.be`, university_id: 'kuleuven', display_name: id })),
    )
    .execute();
});
afterAll(() => world.database.close());

const read = (id: string) => world.call<ActivityView>('Query', 'activity', { id }, HOST);
const confirmedCount = async (id: string) =>
  (
    await world.database.db
      .selectFrom('activities')
      .select('confirmed_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).confirmed_count;

describe('100 simultaneous joins on 10 places', () => {
  let id: string;
  let results: ParticipationView[];

  it('confirms exactly 9 (the host holds the 10th) and queues 91 with distinct positions 1..91', async () => {
    id = (await world.create(HOST, { capacity: 10 })).id;
    results = await Promise.all(
      students.map((sub) => world.call<ParticipationView>('Mutation', 'joinActivity', { activityId: id }, sub)),
    );
    const joined = results.filter((r) => r.status === 'JOINED');
    const waiting = results.filter((r) => r.status === 'WAITLISTED');
    expect(joined).toHaveLength(9);
    expect(waiting).toHaveLength(91);
    expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    expect(await confirmedCount(id)).toBe(10);

    const view = await read(id);
    expect(view).toMatchObject({ participantCount: 10, freePlaces: 0, waitlistCount: 91 });
    expect(view.participants).toHaveLength(10);
    // What each joiner was told is what the list says now.
    const told = new Map(waiting.map((r) => [r.user.id, r.position]));
    expect(view.waitlist.map((p) => [p.user.id, p.position])).toEqual(
      view.waitlist.map((p) => [p.user.id, told.get(p.user.id)]),
    );
  });

  it('promotes exactly the first waitlisted when one leaves, and moves everyone else up one', async () => {
    const before = await read(id);
    const leaver = before.participants.find((p) => p.status === 'JOINED')!.user.id;
    const [first, ...rest] = before.waitlist.map((p) => p.user.id);
    const sentBefore = world.services.events.sent.notifications.length;

    await world.call('Mutation', 'leaveActivity', { activityId: id }, leaver);

    const after = await read(id);
    expect(after.participants.at(-1)).toMatchObject({ user: { id: first }, status: 'JOINED' });
    expect(after.waitlist.map((p) => [p.user.id, p.position])).toEqual(rest.map((u, i) => [u, i + 1]));
    expect(await confirmedCount(id)).toBe(10);
    const pushed = world.services.events.sent.notifications.slice(sentBefore);
    expect(pushed.map((n) => [n.user_id, n.type])).toEqual([[first, 'ACTIVITY_WAITLIST_PROMOTED']]);
  });

  it('keeps the count and the order when every confirmed participant leaves at once', async () => {
    const before = await read(id);
    const leavers = before.participants.filter((p) => p.status === 'JOINED').map((p) => p.user.id);
    const nextInLine = before.waitlist.slice(0, leavers.length).map((p) => p.user.id);
    await Promise.all(leavers.map((sub) => world.call('Mutation', 'leaveActivity', { activityId: id }, sub)));
    const after = await read(id);
    expect(
      after.participants
        .slice(1)
        .map((p) => p.user.id)
        .sort(),
    ).toEqual([...nextInLine].sort());
    expect(after.waitlist.map((p) => p.position)).toEqual(
      Array.from({ length: before.waitlist.length - 9 }, (_, i) => i + 1),
    );
    expect(await confirmedCount(id)).toBe(10);
  });
});
