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

describe('sendMessage', () => {
  it('stores the message in the pair’s one conversation, trimmed, lines kept', async () => {
    const message = await api.send('emma', 'lucas', '  Basketball tonight?\nAt 20:00  ', 'c-1');
    expect(message).toMatchObject({
      conversationId: pairId('emma', 'lucas'),
      senderId: people.emma.sub,
      recipientId: people.lucas.sub,
      text: 'Basketball tonight?\nAt 20:00',
      clientId: 'c-1',
    });
    const reply = await api.send('lucas', 'emma', 'Yes!');
    expect(reply.conversationId).toBe(message.conversationId);
    expect(new Date(reply.createdAt).getTime()).toBeGreaterThan(new Date(message.createdAt).getTime());
    const rows = await database.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', message.conversationId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ university_id: 'kuleuven', last_message_id: reply.id });
  });

  it('stores markup verbatim, as text', async () => {
    const markup = '<script>alert(1)</script> & <b>bold</b>';
    const message = await api.send('emma', 'noor', markup);
    expect(message.text).toBe(markup);
    const page = await api.call<Page<{ text: string }>>('noor', 'Query', 'messages', {
      conversationId: message.conversationId,
    });
    expect(page.items[0]!.text).toBe(markup);
  });

  it('accepts exactly 2,000 characters, counting an emoji as one', async () => {
    const emoji = '🏀'.repeat(2000);
    await expect(api.send('emma', 'noor', emoji)).resolves.toMatchObject({ text: emoji });
    await expect(api.send('emma', 'noor', 'x'.repeat(2000))).resolves.toBeTruthy();
  });

  it('is idempotent: a retry with the same clientId returns the same message and stores nothing more', async () => {
    const first = await api.send('noor', 'lucas', 'See you at the court', 'retry-me');
    const before = await api.counts();
    const again = await api.send('noor', 'lucas', '  See you at the court ', 'retry-me');
    expect(again).toEqual(first);
    expect(await api.counts()).toEqual(before);
  });

  it('refuses a clientId reused for a different message or recipient with Conflict, writing nothing', async () => {
    await api.send('noor', 'emma', 'first', 'reused');
    const before = await api.counts();
    await expect(api.send('noor', 'emma', 'something else', 'reused')).rejects.toMatchObject({
      name: 'Conflict',
      message: 'This clientId was already used for a different message: send it with a new clientId.',
    });
    await expect(api.send('noor', 'lucas', 'first', 'reused')).rejects.toMatchObject({ name: 'Conflict' });
    expect(await api.counts()).toEqual(before);
  });

  it('lets two people use the same clientId independently (unique per sender)', async () => {
    const a = await api.send('emma', 'lucas', 'same id, other sender', 'shared-id');
    const b = await api.send('lucas', 'emma', 'same id, other sender', 'shared-id');
    expect(a.id).not.toBe(b.id);
  });

  it('stores no notification per message: unread messages are counted from the messages', async () => {
    const before = await api.counts();
    await api.send('lucas', 'noor', 'no notification row for me');
    expect((await api.counts()).notifications).toBe(before.notifications);
    expect(api.services.events.sent.notifications).toHaveLength(0);
  });
});

describe('blocking', () => {
  it('stops the blocked person messaging me, and me messaging them until I unblock', async () => {
    await expect(api.call('emma', 'Mutation', 'blockUser', { userId: people.lucas.sub })).resolves.toBe(true);
    await expect(api.call('emma', 'Mutation', 'blockUser', { userId: people.lucas.sub })).resolves.toBe(true);
    const before = await api.counts();
    expect(before.blocks).toBe(1);

    await expect(api.send('lucas', 'emma', 'hello?')).rejects.toMatchObject({
      name: 'Forbidden',
      message: 'This person is not accepting messages from you.',
    });
    await expect(api.send('emma', 'lucas', 'hello?')).rejects.toMatchObject({
      name: 'Conflict',
      message: 'You blocked this person: unblock them to send a message.',
    });
    expect(await api.counts()).toEqual(before);

    const list = await api.call<Page<ConversationResult>>('emma', 'Query', 'conversations');
    expect(list.items.find((c) => c.otherUser.id === people.lucas.sub)?.blocked).toBe(true);
    const theirs = await api.call<Page<ConversationResult>>('lucas', 'Query', 'conversations');
    expect(theirs.items.find((c) => c.otherUser.id === people.emma.sub)?.blocked).toBe(false);

    await expect(api.call('emma', 'Mutation', 'unblockUser', { userId: people.lucas.sub })).resolves.toBe(true);
    await expect(api.call('emma', 'Mutation', 'unblockUser', { userId: people.lucas.sub })).resolves.toBe(true);
    await expect(api.send('lucas', 'emma', 'hello again')).resolves.toBeTruthy();
  });

  it('refuses a retry of a message sent before the recipient blocked the sender: its answer would reach them again', async () => {
    const sent = await api.send('noor', 'lucas', 'before the block', 'pre-block');
    const before = await api.counts();
    await api.call('lucas', 'Mutation', 'blockUser', { userId: people.noor.sub });
    // The answer to sendMessage is what AppSync pushes to the recipient: none for the blocker.
    await expect(api.send('noor', 'lucas', 'before the block', 'pre-block')).rejects.toMatchObject({
      name: 'Forbidden',
      message: 'This person is not accepting messages from you.',
    });
    expect((await api.counts()).messages).toBe(before.messages);
    await api.call('lucas', 'Mutation', 'unblockUser', { userId: people.noor.sub });
    // Unblocked, the retry is answered with the message as stored, as any retry.
    await expect(api.send('noor', 'lucas', 'before the block', 'pre-block')).resolves.toEqual(sent);
  });

  it('still answers my own retry with the message after I blocked the recipient: they blocked nobody', async () => {
    const sent = await api.send('noor', 'lucas', 'then I block', 'mine-then-block');
    await api.call('noor', 'Mutation', 'blockUser', { userId: people.lucas.sub });
    await expect(api.send('noor', 'lucas', 'then I block', 'mine-then-block')).resolves.toEqual(sent);
    await api.call('noor', 'Mutation', 'unblockUser', { userId: people.lucas.sub });
  });

  it('answers NotFound for someone of another university, ValidationError for oneself', async () => {
    await expect(api.call('emma', 'Mutation', 'blockUser', { userId: people.sarah.sub })).rejects.toMatchObject({
      name: 'NotFound',
      message: 'That person was not found.',
    });
    await expect(api.call('emma', 'Mutation', 'unblockUser', { userId: 'sub-nobody' })).rejects.toMatchObject({
      name: 'NotFound',
    });
    await expect(api.call('emma', 'Mutation', 'blockUser', { userId: people.emma.sub })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'You cannot block or unblock yourself.',
    });
  });
});

describe('subscriptions', () => {
  it('onMessage is for the recipient themself only', async () => {
    await expect(api.call('emma', 'Subscription', 'onMessage', { recipientId: people.emma.sub })).resolves.toBeNull();
    await expect(
      api.call('emma', 'Subscription', 'onMessage', { recipientId: people.lucas.sub }),
    ).rejects.toMatchObject({ name: 'Forbidden', message: 'You can only receive your own messages.' });
    await expect(
      api.call('emma', 'Subscription', 'onMessage', { recipientId: people.sarah.sub }),
    ).rejects.toMatchObject({ name: 'Forbidden' });
  });
});
