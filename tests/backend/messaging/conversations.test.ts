import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, pairId, people, type ConversationResult, type MessageResult, type Page } from './helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
});
afterAll(() => database.close());

const unread = () => api.call<{ messages: number; notifications: number }>('lucas', 'Query', 'unreadCounts');
const list = (who: 'emma' | 'lucas' | 'noor' | 'sarah', args: Record<string, unknown> = {}) =>
  api.call<Page<ConversationResult>>(who, 'Query', 'conversations', args);

describe('conversations and unread counts', () => {
  it('lists mine, newest activity first, with the other person, last message and unread count', async () => {
    await api.send('emma', 'lucas', 'one');
    await api.send('emma', 'lucas', 'two');
    const last = await api.send('noor', 'lucas', 'from noor');

    const page = await list('lucas');
    expect(page.items.map((c) => c.id)).toEqual([pairId('lucas', 'noor'), pairId('emma', 'lucas')]);
    expect(page.items[0]).toMatchObject({
      otherUser: { id: people.noor.sub, displayName: 'Noor Claes', universityId: 'kuleuven' },
      lastMessage: last,
      unreadCount: 1,
      blocked: false,
      updatedAt: last.createdAt,
    });
    expect(page.items[1]).toMatchObject({ unreadCount: 2, lastMessage: { text: 'two' } });
    expect(await unread()).toEqual({ messages: 3, notifications: 0 });
  });

  it('does not count my own messages as unread, and replying marks the conversation read', async () => {
    const emmaSide = await list('emma');
    expect(emmaSide.items[0]).toMatchObject({ unreadCount: 0, otherUser: { id: people.lucas.sub } });
    await api.send('lucas', 'noor', 'reply to noor');
    expect(await unread()).toEqual({ messages: 2, notifications: 0 });
  });

  it('markConversationRead zeroes the conversation and the badge, until the next message', async () => {
    const read = await api.call<ConversationResult>('lucas', 'Mutation', 'markConversationRead', {
      conversationId: pairId('emma', 'lucas'),
    });
    expect(read).toMatchObject({ id: pairId('emma', 'lucas'), unreadCount: 0, otherUser: { id: people.emma.sub } });
    expect(await unread()).toEqual({ messages: 0, notifications: 0 });
    // Marking again changes nothing and is harmless.
    await api.call('lucas', 'Mutation', 'markConversationRead', { conversationId: pairId('emma', 'lucas') });
    await api.send('emma', 'lucas', 'three');
    expect(await unread()).toEqual({ messages: 1, notifications: 0 });
    expect((await list('lucas')).items[0]).toMatchObject({ id: pairId('emma', 'lucas'), unreadCount: 1 });
  });

  it('counts unread notifications in the same badge query', async () => {
    await database.db
      .insertInto('notifications')
      .values({ user_id: people.lucas.sub, type: 'ACTIVITY_CHANGED' })
      .execute();
    expect(await unread()).toEqual({ messages: 1, notifications: 1 });
  });

  it('shows nothing of another university', async () => {
    expect(await list('sarah')).toEqual({ items: [], nextToken: null });
    expect(await api.call('sarah', 'Query', 'unreadCounts')).toEqual({ messages: 0, notifications: 0 });
  });
});

describe('paging', () => {
  it('pages the history newest first with no gaps or repeats', async () => {
    const sent: MessageResult[] = [];
    for (let i = 0; i < 7; i++) sent.push(await api.send(i % 2 ? 'noor' : 'emma', i % 2 ? 'emma' : 'noor', `m${i}`));
    const seen: string[] = [];
    let nextToken: string | null = null;
    do {
      const page: Page<MessageResult> = await api.call('noor', 'Query', 'messages', {
        conversationId: pairId('emma', 'noor'),
        limit: 3,
        nextToken,
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((m) => m.text));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toEqual(sent.map((m) => m.text).reverse());
  });

  it('pages conversations with limit 1, and a new message moves its conversation to the top', async () => {
    const first = await list('emma', { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const second = await list('emma', { limit: 1, nextToken: first.nextToken });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.nextToken).toBeNull();

    await api.send('lucas', 'emma', 'bump');
    expect((await list('emma', { limit: 1 })).items[0]!.id).toBe(pairId('emma', 'lucas'));
  });
});
