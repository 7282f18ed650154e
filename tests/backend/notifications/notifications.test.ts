import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { insertNotifications } from '../../../backend/src/notifications/notify.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, people } from '../messaging/helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

interface NotificationResult {
  id: string;
  userId: string;
  type: string;
  actor: { id: string; displayName: string } | null;
  activityId: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}
type Page = { items: NotificationResult[]; nextToken: string | null };

const activityId = '5b0c6a8e-8d4e-4a36-9d63-8b0c2b7e0c11';
let othersId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
  const lucas = people.lucas.sub;
  // One statement: these share a created_at to the microsecond, so paging must break ties by id.
  await insertNotifications(
    database.db,
    Array.from({ length: 5 }, (_, i) => ({
      userId: lucas,
      type: 'ACTIVITY_CHANGED' as const,
      activityId,
      data: { n: i },
    })),
  );
  await new Promise((resolve) => setTimeout(resolve, 5));
  await insertNotifications(database.db, [
    {
      userId: lucas,
      type: 'JOIN_REQUEST_RECEIVED',
      actorId: people.emma.sub,
      activityId,
      data: { title: 'Padel <b>night</b>' },
    },
  ]);
  const [others] = await insertNotifications(database.db, [{ userId: people.emma.sub, type: 'ACTIVITY_CANCELLED' }]);
  othersId = others!.id;
});
afterAll(() => database.close());

const list = (args: Record<string, unknown> = {}, who: 'lucas' | 'emma' | 'sarah' = 'lucas') =>
  api.call<Page>(who, 'Query', 'notifications', args);
const markRead = (ids: unknown, who: 'lucas' | 'emma' = 'lucas') =>
  api.call<number>(who, 'Mutation', 'markNotificationsRead', { ids });
const unreadOf = async (userId: string) =>
  (
    await database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute()
  ).length;

describe('notifications', () => {
  it('lists mine newest first, with the actor’s public profile and data as an object', async () => {
    const page = await list();
    expect(page.items).toHaveLength(6);
    expect(page.items[0]).toMatchObject({
      userId: people.lucas.sub,
      type: 'JOIN_REQUEST_RECEIVED',
      actor: { id: people.emma.sub, displayName: 'Emma Peeters', universityId: 'kuleuven' },
      activityId,
      data: { title: 'Padel <b>night</b>' },
      readAt: null,
    });
    expect(page.items[0]!.actor).not.toHaveProperty('email');
    expect(page.items[1]).toMatchObject({ actor: null, type: 'ACTIVITY_CHANGED' });
    expect(page.items.every((n) => n.userId === people.lucas.sub)).toBe(true);
  });

  it('pages with no gaps or repeats, even among notifications made in the same instant', async () => {
    const all = (await list()).items.map((n) => n.id);
    const seen: string[] = [];
    let nextToken: string | null = null;
    do {
      const page: Page = await list({ limit: 2, nextToken });
      seen.push(...page.items.map((n) => n.id));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(all);
  });

  it('shows nothing of anyone else, in any university', async () => {
    expect((await list({}, 'sarah')).items).toEqual([]);
    expect((await list({}, 'emma')).items.map((n) => n.id)).toEqual([othersId]);
  });

  it('marks only my own notifications read: others’ ids are silently ignored', async () => {
    const [first, second] = (await list()).items;
    expect(await markRead([first!.id, othersId])).toBe(1);
    expect(await unreadOf(people.emma.sub)).toBe(1);
    expect(await markRead([first!.id, second!.id, second!.id])).toBe(1);
    expect(await markRead([])).toBe(0);
    expect((await list()).items[0]!.readAt).not.toBeNull();
  });

  it('marks all mine read when ids is null, and counts only what changed', async () => {
    expect(await markRead(null)).toBe(4);
    expect(await markRead(null)).toBe(0);
    expect(await unreadOf(people.lucas.sub)).toBe(0);
    expect(await unreadOf(people.emma.sub)).toBe(1);
    expect(await api.call('lucas', 'Query', 'unreadCounts')).toEqual({ messages: 0, notifications: 0 });
  });

  it('lets a user subscribe to their own notifications only', async () => {
    await expect(api.call('lucas', 'Subscription', 'onNotification', { userId: people.lucas.sub })).resolves.toBeNull();
    await expect(
      api.call('lucas', 'Subscription', 'onNotification', { userId: people.emma.sub }),
    ).rejects.toMatchObject({ name: 'Forbidden', message: 'You can only receive your own notifications.' });
  });
});

const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const badToken = 'nextToken is not valid: start again from the first page.';

describe('invalid calls change nothing', () => {
  it.each([
    [
      'ids with a malformed id',
      'markNotificationsRead',
      { ids: ['not-an-id'] },
      'ids must be a list of notification ids.',
    ],
    ['ids that are not a list', 'markNotificationsRead', { ids: 'all' }, 'ids must be a list of notification ids.'],
    ['ids with a number', 'markNotificationsRead', { ids: [42] }, 'ids must be a list of notification ids.'],
    [
      '501 ids',
      'markNotificationsRead',
      { ids: Array(501).fill(activityId) },
      'At most 500 notifications can be marked at once.',
    ],
    ['limit 0', 'notifications', { limit: 0 }, 'limit must be a whole number from 1 to 100.'],
    ['limit 1000', 'notifications', { limit: 1000 }, 'limit must be a whole number from 1 to 100.'],
    ['a garbage nextToken', 'notifications', { nextToken: 'garbage' }, badToken],
    ['a forged nextToken', 'notifications', { nextToken: forged(['x']) }, badToken],
    ['someone else’s notification as nextToken', 'notifications', 'OTHERS_TOKEN', badToken],
  ])('%s → ValidationError', async (_name, field, args, message) => {
    await database.db.updateTable('notifications').set({ read_at: null }).execute();
    // othersId only exists once beforeAll has run, after the table is built.
    const tokenArgs = typeof args === 'string' ? { nextToken: forged([othersId]) } : args;
    const type = field === 'notifications' ? 'Query' : 'Mutation';
    await expect(api.call('lucas', type, field, tokenArgs)).rejects.toMatchObject({ name: 'ValidationError', message });
    expect(await unreadOf(people.lucas.sub)).toBe(6);
    expect(await unreadOf(people.emma.sub)).toBe(1);
  });
});
