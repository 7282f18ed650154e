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
    const change = first<ActivityChange>((onItem, onError) => subscribeToActivity(activity.id, onItem, onError));
    const note = first<AppNotification>((onItem, onError) => subscribeToNotifications(emmaId, onItem, onError));
    // Subscriptions are acknowledged asynchronously; give them a moment before Lucas acts.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await runWithToken(cloud, tokens.lucas!, JOIN, { id: activity.id, note: 'Can I bring a ball?' });

    await expect(change.item).resolves.toMatchObject({ activityId: activity.id, kind: 'REQUESTED' });
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
