/** Query.contact (a person's page and the chat) and read receipts (Conversation.otherReadAt, onConversationRead). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, pairId, people, type ConversationResult, type Person } from './helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
});
afterAll(() => database.close());

interface ContactResult {
  person: { id: string; displayName: string; universityId: string; sports: unknown[]; bio: string };
  blocked: boolean;
  conversation: (ConversationResult & { otherReadAt: string | null }) | null;
}
const contact = (who: Person, other: Person | string) =>
  api.call<ContactResult>(who, 'Query', 'contact', { userId: other in people ? people[other as Person].sub : other });
const markRead = (who: Person, a: Person, b: Person) =>
  api.call<ConversationResult & { otherReadAt: string | null }>(who, 'Mutation', 'markConversationRead', {
    conversationId: pairId(a, b),
  });
const receipts = () => api.services.events.sent.receipts;

describe('contact', () => {
  it('answers another person of my university with no conversation yet, never their email', async () => {
    const answer = await contact('emma', 'noor');
    expect(answer).toEqual({
      person: { id: people.noor.sub, displayName: 'Noor Claes', universityId: 'kuleuven', sports: [], bio: '' },
      blocked: false,
      conversation: null,
    });
    expect(JSON.stringify(answer)).not.toContain('@');
  });

  it('includes our conversation once one of us wrote, and whether I blocked them', async () => {
    const sent = await api.send('emma', 'noor', 'Still room for a beginner?');
    expect((await contact('noor', 'emma')).conversation).toMatchObject({
      id: pairId('emma', 'noor'),
      lastMessage: sent,
      unreadCount: 1,
      blocked: false,
    });
    await api.call('noor', 'Mutation', 'blockUser', { userId: people.emma.sub });
    expect(await contact('noor', 'emma')).toMatchObject({ blocked: true, conversation: { blocked: true } });
    // Blocking is one-sided: Emma does not learn of it from her contact.
    expect(await contact('emma', 'noor')).toMatchObject({ blocked: false });
    await api.call('noor', 'Mutation', 'unblockUser', { userId: people.emma.sub });
    expect(await contact('noor', 'emma')).toMatchObject({ blocked: false });
  });

  it('answers myself with my own public profile', async () => {
    expect(await contact('emma', 'emma')).toMatchObject({
      person: { id: people.emma.sub },
      blocked: false,
      conversation: null,
    });
  });

  it('is NotFound for another university and for ids that are no one', async () => {
    for (const userId of [people.sarah.sub, 'sub-nobody', '', 'x'.repeat(500)]) {
      await expect(contact('emma', userId)).rejects.toMatchObject({
        name: 'NotFound',
        errorInfo: { code: 'person.notFound' },
      });
    }
    await expect(contact('sarah', 'emma')).rejects.toMatchObject({ name: 'NotFound' });
  });
});

describe('read receipts', () => {
  it('tell the sender when the other person read up to their message, once per move of the marker', async () => {
    const sent = await api.send('lucas', 'emma', 'See you at seven?');
    expect((await contact('lucas', 'emma')).conversation?.otherReadAt ?? null).toBeNull();
    receipts().length = 0;

    const read = await markRead('emma', 'emma', 'lucas');
    expect(read).toMatchObject({ unreadCount: 0 });
    expect(receipts()).toEqual([
      {
        conversationId: pairId('emma', 'lucas'),
        readerId: people.emma.sub,
        userId: people.lucas.sub,
        readAt: sent.createdAt,
      },
    ]);
    expect((await contact('lucas', 'emma')).conversation).toMatchObject({ otherReadAt: sent.createdAt });

    // Nothing new to read: the marker does not move and nobody is told again.
    await markRead('emma', 'emma', 'lucas');
    expect(receipts()).toHaveLength(1);
  });

  it('a reply moves the replier’s marker too: everything before it is seen', async () => {
    await api.send('lucas', 'emma', 'And bring the ball.');
    const reply = await api.send('emma', 'lucas', 'Will do!');
    const lucasSide = (await contact('lucas', 'emma')).conversation!;
    expect(lucasSide.otherReadAt).toBe(reply.createdAt);
    // Emma's own view: Lucas has not read her reply yet.
    expect((await contact('emma', 'lucas')).conversation!.otherReadAt).not.toBe(reply.createdAt);
  });

  it('onConversationRead is for the person whose messages were read, themself only', async () => {
    await expect(
      api.call('lucas', 'Subscription', 'onConversationRead', { userId: people.lucas.sub }),
    ).resolves.toBeNull();
    await expect(
      api.call('emma', 'Subscription', 'onConversationRead', { userId: people.lucas.sub }),
    ).rejects.toMatchObject({ name: 'Forbidden', errorInfo: { code: 'subscription.notYours' } });
  });
});
