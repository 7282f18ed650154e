/**
 * Sends racing each other, as a flaky network makes them: on PGlite and on a real PostgreSQL server
 * (TEST_DATABASE_URL, a pool of 10 connections) where the transactions truly overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, pairId, people, type ConversationResult, type Page } from './helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
});
afterAll(() => database.close());

const rows = (table: 'messages' | 'conversations') =>
  database.db.selectFrom(table).selectAll().execute() as Promise<Record<string, unknown>[]>;

describe('concurrent sends', () => {
  it('20 simultaneous retries of one clientId store exactly one message, and all answer with it', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.send('emma', 'lucas', 'Are we still on for 8?', 'the-one-id')),
    );
    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    expect(results.every((m) => m.text === 'Are we still on for 8?')).toBe(true);
    const messages = (await rows('messages')).filter((m) => m.client_id === 'the-one-id');
    expect(messages).toHaveLength(1);
    expect(await rows('conversations')).toHaveLength(1);
    const unread = await api.call<{ messages: number }>('lucas', 'Query', 'unreadCounts');
    expect(unread.messages).toBe(1);
  });

  it('two people writing to each other for the first time at the same moment share one conversation', async () => {
    const [fromNoor, fromEmma] = await Promise.all([
      api.send('noor', 'emma', 'Hi Emma!'),
      api.send('emma', 'noor', 'Hi Noor!'),
    ]);
    expect(fromNoor.conversationId).toBe(pairId('emma', 'noor'));
    expect(fromEmma.conversationId).toBe(fromNoor.conversationId);
    const conversations = (await rows('conversations')).filter((c) => c.id === pairId('emma', 'noor'));
    expect(conversations).toHaveLength(1);
    const history = await api.call<Page<{ id: string }>>('emma', 'Query', 'messages', {
      conversationId: pairId('emma', 'noor'),
    });
    expect(history.items.map((m) => m.id).sort()).toEqual([fromNoor.id, fromEmma.id].sort());
    // The conversation's last message is whichever committed second, and history agrees.
    expect(conversations[0]!.last_message_id).toBe(history.items[0]!.id);
  });

  it('many messages at once from both sides: all stored, strictly ordered, unread counts exact', async () => {
    const sends = Array.from({ length: 30 }, (_, i) =>
      i % 2 ? api.send('lucas', 'noor', `l${i}`) : api.send('noor', 'lucas', `n${i}`),
    );
    const sent = await Promise.all(sends);
    const times = sent.map((m) => new Date(m.createdAt).getTime());
    expect(new Set(times).size).toBe(30);

    const page = await api.call<Page<ConversationResult>>('noor', 'Query', 'conversations');
    const withLucas = page.items.find((c) => c.id === pairId('lucas', 'noor'))!;
    expect(withLucas.lastMessage!.createdAt).toBe(new Date(Math.max(...times)).toISOString());
    const toNoor = sent.filter((m) => m.recipientId === people.noor.sub);
    const lastOwn = Math.max(...sent.filter((m) => m.senderId === people.noor.sub).map((m) => Date.parse(m.createdAt)));
    // Noor's own sends move her read marker: only what Lucas sent after her last one is unread.
    expect(withLucas.unreadCount).toBe(toNoor.filter((m) => Date.parse(m.createdAt) > lastOwn).length);
  });

  it('a read marker set while a message is being sent never swallows that message', async () => {
    const conversationId = pairId('lucas', 'noor');
    await api.call('noor', 'Mutation', 'markConversationRead', { conversationId });
    const [message] = await Promise.all([
      api.send('lucas', 'noor', 'racing the read marker'),
      api.call('noor', 'Mutation', 'markConversationRead', { conversationId }),
    ]);
    const after = await api.call<Page<ConversationResult>>('noor', 'Query', 'conversations');
    const conversation = after.items.find((c) => c.id === conversationId)!;
    // Either the read came first (1 unread) or after the message was committed (0): never a lost one.
    const markerRow = await database.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const marker = (markerRow.user_a === people.noor.sub ? markerRow.a_read_at : markerRow.b_read_at)!;
    expect(conversation.unreadCount).toBe(marker.getTime() >= Date.parse(message.createdAt) ? 0 : 1);
  });
});
