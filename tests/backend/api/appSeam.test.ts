/**
 * The app's own API seam (src/api) against the local cloud, through Amplify's GraphQL engine as
 * the browser runs it: the functions the screens call, their typed results, their ApiErrors, and
 * their live subscriptions. Component tests mock this seam; this file proves the real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import {
  createActivity,
  getActivity,
  joinActivity,
  listActivities,
  respondToJoinRequest,
  subscribeToActivity,
} from '../../../src/api/activities.js';
import { ApiError } from '../../../src/api/errors.js';
import {
  getUnreadCounts,
  listNotifications,
  markNotificationsRead,
  subscribeToNotifications,
} from '../../../src/api/notifications.js';
import { onReconnected } from '../../../src/api/connection.js';
import {
  blockUser,
  getChatContact,
  listConversations,
  listMessages,
  sendMessage,
  subscribeToMessages,
  subscribeToReadReceipts,
  unblockUser,
  type Message,
  type ReadReceipt,
} from '../../../src/api/messages.js';
import { getPersonPage } from '../../../src/api/people.js';
import type { ActivityChange, ActivityInput } from '../../../src/api/activities.js';
import type { AppNotification } from '../../../src/api/notifications.js';
import { accessTokenOf, runWithToken, startAmplifyCloud } from '../support/amplifyCloud.js';

let cloud: LocalCloud;
let stop: () => Promise<void>;
let emmaId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('app-seam'));
  tokens.lucas = await accessTokenOf('lucas.janssens@student.kuleuven.be');
  await signIn({ username: 'emma.peeters@student.kuleuven.be', password: DEMO_PASSWORD });
  emmaId = (await fetchAuthSession()).tokens!.accessToken.payload.sub as string;
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function input(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    sport: 'VOLLEYBALL',
    title: 'Seam volleyball',
    description: 'Through src/api',
    place: 'Sportkot',
    mapUrl: null,
    startsAt: inHours(30),
    durationMinutes: 60,
    capacity: 3,
    skillLevel: 'ANY',
    joinPolicy: 'APPROVAL',
    ...overrides,
  };
}

/** Resolves with the first item a subscription delivers, or fails after a while. */
function first<T>(open: (onItem: (item: T) => void, onError: (e: Error) => void) => () => void): {
  item: Promise<T>;
  close: () => void;
} {
  let close = () => {};
  const item = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('nothing arrived')), 10_000);
    close = open(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => reject(error),
    );
  });
  return { item, close: () => close() };
}

const JOIN = 'mutation ($id: ID!, $note: String) { joinActivity(activityId: $id, note: $note) { status } }';

describe('the activities seam', () => {
  it('creates, finds and reads an activity with typed fields', async () => {
    const created = await createActivity(input({ title: 'Seam volleyball one' }));
    expect(created).toMatchObject({ title: 'Seam volleyball one', joinPolicy: 'APPROVAL', participantCount: 1 });
    expect(created.myParticipation?.status).toBe('HOST');

    const found = await listActivities({ sport: 'VOLLEYBALL', text: 'Seam volleyball one' }, { limit: 5 });
    expect(found.items.map((a) => a.id)).toContain(created.id);

    const read = await getActivity(created.id);
    expect(read.participants[0]?.user.id).toBe(emmaId);
  });

  it('turns server refusals into ApiErrors with the server errorType', async () => {
    const past = createActivity(input({ startsAt: inHours(-1) }));
    await expect(past).rejects.toBeInstanceOf(ApiError);
    await expect(past).rejects.toMatchObject({ errorType: 'ValidationError', message: /Start time/ });
    await expect(getActivity('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      errorType: 'NotFound',
    });
  });

  it('hears a join request live, then the host approves it through the seam', async () => {
    const activity = await createActivity(input({ title: 'Seam volleyball live' }));
    const change = first<ActivityChange>((onItem, onError) =>
      subscribeToActivity(activity.id, 'HOST', onItem, onError),
    );
    const note = first<AppNotification>((onItem, onError) => subscribeToNotifications(emmaId, onItem, onError));
    // Subscriptions are acknowledged asynchronously; give them a moment before Lucas acts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await runWithToken(cloud, tokens.lucas!, JOIN, { id: activity.id, note: 'Can I bring a ball?' });

    // The host's own audience names who asked.
    await expect(change.item).resolves.toMatchObject({
      activityId: activity.id,
      kind: 'REQUESTED',
      userId: JSON.parse(Buffer.from(tokens.lucas!.split('.')[1]!, 'base64url').toString()).sub,
      audience: 'HOST',
    });
    const notification = await note.item;
    expect(notification).toMatchObject({ type: 'JOIN_REQUEST_RECEIVED', activityId: activity.id });
    expect(notification.data).toMatchObject({ title: 'Seam volleyball live', note: 'Can I bring a ball?' });
    change.close();
    note.close();

    const request = (await getActivity(activity.id)).requests[0]!;
    const approved = await respondToJoinRequest(activity.id, request.user.id, true);
    expect(approved.status).toBe('JOINED');
  });

  it('lists notifications, counts the unread ones and marks them read', async () => {
    const before = await getUnreadCounts();
    expect(before.notifications).toBeGreaterThan(0);
    const page = await listNotifications({ limit: 5 });
    expect(page.items[0]?.type).toBe('JOIN_REQUEST_RECEIVED');
    expect(typeof page.items[0]?.data).toBe('object');
    expect(await markNotificationsRead([page.items[0]!.id])).toBe(1);
    expect((await getUnreadCounts()).notifications).toBe(before.notifications - 1);
  });

  it('refuses the host joining their own activity with a Conflict the screen can show', async () => {
    const activity = await createActivity(input({ title: 'Seam volleyball own', joinPolicy: 'OPEN' }));
    await expect(joinActivity(activity.id)).rejects.toMatchObject({
      errorType: 'Conflict',
      message: 'You host this activity, so you are already in it.',
    });
  });
});

const ME_ID = '{ me { id } }';
// The recipient's onMessage gets what the sending mutation selected (AppSync): all the app reads.
const SEND =
  'mutation ($to: ID!, $text: String!, $c: ID!) { sendMessage(recipientId: $to, text: $text, clientId: $c) { id conversationId senderId recipientId text clientId createdAt } }';
const READ = 'mutation ($c: ID!) { markConversationRead(conversationId: $c) { id } }';

describe('the messages and people seam', () => {
  let lucasId = '';
  beforeAll(async () => {
    lucasId = ((await runWithToken(cloud, tokens.lucas!, ME_ID)).data!.me as { id: string }).id;
  });

  it('sends once per clientId, however often it is repeated, and reads the chat back', async () => {
    const clientId = crypto.randomUUID();
    const [first, again] = await Promise.all([
      sendMessage(lucasId, 'Seam hello', clientId),
      sendMessage(lucasId, 'Seam hello', clientId),
    ]);
    expect(again).toEqual(first);
    const chat = await getChatContact(lucasId);
    expect(chat).toMatchObject({ blocked: false, person: { id: lucasId, displayName: 'Lucas Janssens' } });
    const history = await listMessages(chat.conversation!.id, { limit: 5 });
    expect(history.items.filter((m) => m.clientId === clientId)).toEqual([first]);
    const list = await listConversations({ limit: 5 });
    expect(list.items[0]).toMatchObject({ id: first.conversationId, lastMessage: first });
  });

  it('hears Lucas’s message and his read receipt live', async () => {
    const message = first<Message>((onItem, onError) => subscribeToMessages(emmaId, onItem, onError));
    const receipt = first<ReadReceipt>((onItem, onError) => subscribeToReadReceipts(emmaId, onItem, onError));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = await sendMessage(lucasId, 'Read me', crypto.randomUUID());
    await runWithToken(cloud, tokens.lucas!, READ, { c: sent.conversationId });
    await runWithToken(cloud, tokens.lucas!, SEND, { to: emmaId, text: 'Read it', c: crypto.randomUUID() });
    await expect(receipt.item).resolves.toMatchObject({ conversationId: sent.conversationId, readerId: lucasId });
    await expect(message.item).resolves.toMatchObject({ senderId: lucasId, text: 'Read it' });
    message.close();
    receipt.close();
  });

  it('tells the screens when Amplify is connected again after a drop, and the subscription works again', async () => {
    const heard: Message[] = [];
    let reconnects = 0;
    const stopHub = onReconnected(() => (reconnects += 1));
    const close = subscribeToMessages(emmaId, (m) => heard.push(m));
    await new Promise((resolve) => setTimeout(resolve, 500));
    cloud.appsync.dropRealtimeConnections();
    // Amplify waits 5 s before reconnecting (RECONNECT_DELAY), then restarts its subscriptions.
    await expect.poll(() => reconnects, { timeout: 15_000, interval: 200 }).toBe(1);
    await expect
      .poll(
        async () => {
          await runWithToken(cloud, tokens.lucas!, SEND, {
            to: emmaId,
            text: 'After the drop',
            c: crypto.randomUUID(),
          });
          return heard.some((m) => m.text === 'After the drop');
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(true);
    close();
    stopHub();
  }, 30_000);

  it('reads a person’s page: their profile and hosted activities, never their email; blocking refuses their messages', async () => {
    const page = await getPersonPage(lucasId, 5);
    expect(page.person).toMatchObject({ id: lucasId, displayName: 'Lucas Janssens', bio: '', sports: [] });
    expect(JSON.stringify(page)).not.toContain('@');
    await blockUser(lucasId);
    expect((await getPersonPage(lucasId, 5)).blocked).toBe(true);
    const refused = await runWithToken(cloud, tokens.lucas!, SEND, {
      to: emmaId,
      text: 'Blocked?',
      c: crypto.randomUUID(),
    });
    expect(refused.errors?.[0]).toMatchObject({
      errorType: 'Forbidden',
      errorInfo: { code: 'message.blockedByRecipient' },
    });
    await unblockUser(lucasId);
    expect((await getChatContact(lucasId)).blocked).toBe(false);
  });
});
