/**
 * Messages and notifications through the real HTTP/WebSocket surface with the unmodified aws-amplify
 * client: Emma (signed in with Amplify) listens live; Lucas (a second sign-in, plain fetch) writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import {
  client,
  runAmplify as run,
  runWithToken,
  startAmplifyCloud,
  type GraphQLResult,
} from '../support/amplifyCloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import { insertNotifications } from '../../../backend/src/notifications/notify.js';
import { graphqlPublisher } from '../../../backend/src/publishing.js';

type Observable<T> = { subscribe(o: { next(v: { data: T }): void }): { unsubscribe(): void } };

let cloud: LocalCloud;
let stop: () => Promise<void>;
const ids = { emma: '', lucas: '', sarah: '' };
const tokens = { lucas: '', sarah: '' };

/** A call as another signed-in user, with their access token, outside Amplify's singleton. */
const runAs = (token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> =>
  runWithToken(cloud, token, query, variables);

async function signInAs(email: string): Promise<{ id: string; token: string }> {
  await signIn({ username: email, password: DEMO_PASSWORD });
  const token = (await fetchAuthSession()).tokens!.accessToken.toString();
  const { data } = await run('query { me { id } }');
  return { id: (data!.me as { id: string }).id, token };
}

/** Amplify does not say when a subscription is live: repeat `act` until the first event arrives. */
async function untilReceived<T>(received: T[], act: () => Promise<unknown>): Promise<T> {
  const deadline = Date.now() + 10_000;
  while (!received.length && Date.now() < deadline) {
    await act();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  expect(received.length).toBeGreaterThan(0);
  return received[0]!;
}

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('messaging'));
  for (const [who, email] of [
    ['lucas', 'lucas.janssens@student.kuleuven.be'],
    ['sarah', 'sarah.desmet@ugent.be'],
  ] as const) {
    ({ id: ids[who], token: tokens[who] } = await signInAs(email));
    await signOut();
  }
  ids.emma = (await signInAs('emma.peeters@student.kuleuven.be')).id;
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

const SEND = /* GraphQL */ `
  mutation ($to: ID!, $text: String!, $clientId: ID!) {
    sendMessage(recipientId: $to, text: $text, clientId: $clientId) {
      id
      conversationId
      senderId
      recipientId
      text
      clientId
      createdAt
    }
  }
`;

describe('private messages, live', () => {
  it('Emma receives Lucas’s message as it is sent; her badge and list show it; reading zeroes it', async () => {
    const received: { id: string; text: string; senderId: string }[] = [];
    const subscription = (
      client.graphql({
        query:
          'subscription ($me: ID!) { onMessage(recipientId: $me) { id conversationId senderId recipientId text clientId createdAt } }',
        variables: { me: ids.emma },
      }) as unknown as Observable<{ onMessage: { id: string; text: string; senderId: string } }>
    ).subscribe({ next: (event) => received.push(event.data.onMessage) });

    // Retrying with one clientId is exactly what the app does on a flaky network: one message is stored.
    const clientId = randomUUID();
    const text = 'Padel at 18:00? <b>bring</b> balls';
    const message = await untilReceived(received, () => runAs(tokens.lucas, SEND, { to: ids.emma, text, clientId }));
    subscription.unsubscribe();
    expect(message).toMatchObject({ senderId: ids.lucas, text });

    const { data } = await run(
      'query { unreadCounts { messages notifications } conversations { items { id unreadCount otherUser { id displayName } lastMessage { id text } } } }',
    );
    expect(data!.unreadCounts).toEqual({ messages: 1, notifications: 0 });
    const conversations = (data!.conversations as { items: { id: string }[] }).items;
    expect(conversations).toEqual([
      expect.objectContaining({
        unreadCount: 1,
        otherUser: { id: ids.lucas, displayName: 'Lucas Janssens' },
        lastMessage: { id: message.id, text },
      }),
    ]);

    const read = await run('mutation ($id: ID!) { markConversationRead(conversationId: $id) { id unreadCount } }', {
      id: conversations[0]!.id,
    });
    expect(read.data!.markConversationRead).toEqual({ id: conversations[0]!.id, unreadCount: 0 });
    expect((await run('query { unreadCounts { messages } }')).data!.unreadCounts).toEqual({ messages: 0 });
  });

  it('refuses to let Emma listen to Lucas’s messages, and Sarah (another university) cannot write to Emma', async () => {
    const denied = await new Promise<unknown>((resolve) => {
      (
        client.graphql({
          query: 'subscription ($who: ID!) { onMessage(recipientId: $who) { id } }',
          variables: { who: ids.lucas },
        }) as unknown as { subscribe(o: { next(): void; error(e: unknown): void }): unknown }
      ).subscribe({ next: () => resolve('delivered'), error: resolve });
    });
    expect(JSON.stringify(denied)).toContain('You can only receive your own messages.');

    const fromSarah = await runAs(tokens.sarah, SEND, { to: ids.emma, text: 'hi', clientId: randomUUID() });
    expect(fromSarah.errors?.[0]).toMatchObject({ errorType: 'NotFound', message: 'That person was not found.' });
  });
});

describe('read receipts, live', () => {
  it('Emma hears that Lucas read her message, through the server’s IAM publish', async () => {
    const sent = await run(SEND, { to: ids.lucas, text: 'Did you get my message?', clientId: randomUUID() });
    const message = sent.data!.sendMessage as { conversationId: string; createdAt: string };
    const received: { conversationId: string; readerId: string; readAt: string }[] = [];
    const subscription = (
      client.graphql({
        query: 'subscription ($me: ID!) { onConversationRead(userId: $me) { conversationId readerId userId readAt } }',
        variables: { me: ids.emma },
      }) as unknown as Observable<{ onConversationRead: (typeof received)[number] }>
    ).subscribe({ next: (event) => received.push(event.data.onConversationRead) });

    // Marking again after the first read moves nothing, so keep writing and reading until one arrives.
    const receipt = await untilReceived(received, async () => {
      await run(SEND, { to: ids.lucas, text: 'Ping', clientId: randomUUID() });
      await runAs(tokens.lucas, 'mutation ($c: ID!) { markConversationRead(conversationId: $c) { id } }', {
        c: message.conversationId,
      });
    });
    subscription.unsubscribe();
    expect(receipt).toMatchObject({ conversationId: message.conversationId, readerId: ids.lucas });
    expect(Date.parse(receipt.readAt)).toBeGreaterThan(Date.parse(message.createdAt));
    const { data } = await run('query ($u: ID!) { contact(userId: $u) { conversation { otherReadAt } } }', {
      u: ids.lucas,
    });
    expect((data!.contact as { conversation: { otherReadAt: string } }).conversation.otherReadAt).toBe(receipt.readAt);
  });
});

describe('notifications, live', () => {
  it('a stored notification published by the server reaches Emma’s onNotification subscription', async () => {
    const received: { id: string; type: string; actor: { id: string } | null; data: string }[] = [];
    const subscription = (
      client.graphql({
        query:
          'subscription ($me: ID!) { onNotification(userId: $me) { id type actor { id displayName } data createdAt } }',
        variables: { me: ids.emma },
      }) as unknown as Observable<{ onNotification: (typeof received)[number] }>
    ).subscribe({ next: (event) => received.push(event.data.onNotification) });

    // What a domain does after its transaction commits: services.events.notifications(rows).
    const rows = await insertNotifications(cloud.database.db, [
      { userId: ids.emma, type: 'JOIN_REQUEST_RECEIVED', actorId: ids.lucas, data: { title: 'Padel night' } },
    ]);
    const publisher = graphqlPublisher((query, variables) => cloud.appsync.executeAsIam(query, variables));
    const notification = await untilReceived(received, () => publisher.notifications(rows));
    subscription.unsubscribe();
    expect(notification).toMatchObject({ id: rows[0]!.id, type: 'JOIN_REQUEST_RECEIVED', actor: { id: ids.lucas } });
    expect(JSON.parse(notification.data)).toEqual({ title: 'Padel night' });

    const listed = await run('query { notifications { items { id readAt data } } unreadCounts { notifications } }');
    expect(listed.data).toMatchObject({
      notifications: { items: [{ id: rows[0]!.id, readAt: null }] },
      unreadCounts: { notifications: 1 },
    });
    expect(await run('mutation { markNotificationsRead }')).toMatchObject({ data: { markNotificationsRead: 1 } });
    expect((await run('query { unreadCounts { notifications } }')).data).toEqual({
      unreadCounts: { notifications: 0 },
    });
  });
});
