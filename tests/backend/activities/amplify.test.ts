/**
 * Activities through the real HTTP and realtime surface with the unmodified aws-amplify client:
 * Emma creates and finds an activity, Lucas joins it (plain fetch with his own token, since Amplify
 * holds one user at a time), Emma's live subscription hears the JOINED change, and a Ghent student
 * gets "not found" for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut } from 'aws-amplify/auth';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import {
  accessTokenOf,
  client,
  runAmplify as run,
  runWithToken,
  startAmplifyCloud,
  type GraphQLResult,
} from '../support/amplifyCloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import { hoursFromNow } from './helpers.js';

interface Change {
  activityId: string;
  kind: string;
  userId: string | null;
}
interface Live {
  subscribe(o: { next(v: { data: { onActivityChanged: Change } }): void; error(e: unknown): void }): {
    unsubscribe(): void;
  };
}

let cloud: LocalCloud;
let stop: () => Promise<void>;
const tokens: Record<string, string> = {};

/** Another user's call, with their own access token, as their browser would send it. */
const runAs = (who: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> =>
  runWithToken(cloud, tokens[who]!, query, variables);

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('activities'));
  tokens.lucas = await accessTokenOf('lucas.janssens@student.kuleuven.be');
  tokens.sarah = await accessTokenOf('sarah.desmet@ugent.be');
  await signIn({ username: 'emma.peeters@student.kuleuven.be', password: DEMO_PASSWORD });
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

const CREATE = /* GraphQL */ `
  mutation ($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id
      title
      status
      participantCount
      freePlaces
      host {
        displayName
      }
    }
  }
`;
const JOIN = 'mutation ($id: ID!) { joinActivity(activityId: $id) { status position user { id } } }';
const LEAVE = 'mutation ($id: ID!) { leaveActivity(activityId: $id) { status } }';
// Emma hosts the activity: her own audience says who changed.
const WATCH =
  'subscription ($id: ID!) { onActivityChanged(activityId: $id, audience: "HOST") { activityId kind userId at } }';

describe('an activity through the Amplify client', () => {
  let activityId: string;

  it('is created by Emma and found by a text search', async () => {
    const input = {
      sport: 'FOOTBALL',
      title: 'Five-a-side at Gymnasion',
      place: 'Gymnasion field 3',
      startsAt: hoursFromNow(20),
      durationMinutes: 60,
      capacity: 10,
      skillLevel: 'INTERMEDIATE',
      joinPolicy: 'OPEN',
    };
    const created = await run(CREATE, { input });
    expect(created.errors).toBeUndefined();
    const activity = created.data?.createActivity as { id: string };
    expect(activity).toMatchObject({
      status: 'SCHEDULED',
      participantCount: 1,
      freePlaces: 9,
      host: { displayName: 'Emma Peeters' },
    });
    activityId = activity.id;

    const found = await run('query ($f: ActivityFilter) { activities(filter: $f) { items { id title } nextToken } }', {
      f: { text: 'GYMNASION five', sport: 'FOOTBALL' },
    });
    expect(found.data?.activities).toEqual({
      items: [{ id: activityId, title: 'Five-a-side at Gymnasion' }],
      nextToken: null,
    });
  });

  it('is joined by Lucas, and Emma hears it live', async () => {
    const me = await runAs('lucas', '{ me { id } }');
    const lucasId = (me.data?.me as { id: string }).id;
    const heard: Change[] = [];
    const subscription = (client.graphql({ query: WATCH, variables: { id: activityId } }) as unknown as Live).subscribe(
      {
        next: (event) => heard.push(event.data.onActivityChanged),
        error: () => {},
      },
    );
    // Amplify does not say when a subscription is live: join (and leave again) until the JOINED event arrives.
    const deadline = Date.now() + 10_000;
    let joined: GraphQLResult | undefined;
    while (!heard.some((c) => c.kind === 'JOINED') && Date.now() < deadline) {
      if (joined) await runAs('lucas', LEAVE, { id: activityId });
      joined = await runAs('lucas', JOIN, { id: activityId });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    subscription.unsubscribe();
    expect(joined?.data?.joinActivity).toEqual({ status: 'JOINED', position: null, user: { id: lucasId } });
    expect(heard.find((c) => c.kind === 'JOINED')).toMatchObject({
      activityId,
      userId: lucasId,
      at: expect.any(String),
    });

    const view = await run(
      'query ($id: ID!) { activity(id: $id) { participantCount participants { status user { id } } } }',
      {
        id: activityId,
      },
    );
    expect(view.data?.activity).toMatchObject({
      participantCount: 2,
      participants: [{ status: 'HOST' }, { user: { id: lucasId } }],
    });
  });

  it('is "not found" to a Ghent student, by query and by join', async () => {
    for (const query of ['query ($id: ID!) { activity(id: $id) { id } }', JOIN]) {
      const result = await runAs('sarah', query, { id: activityId });
      expect(result.errors?.[0]).toMatchObject({ errorType: 'NotFound', message: 'The activity was not found.' });
    }
  });

  it('cannot be watched live by a Ghent student', async () => {
    await signOut();
    await signIn({ username: 'sarah.desmet@ugent.be', password: DEMO_PASSWORD });
    const refused = await new Promise<unknown>((resolve) => {
      const live = client.graphql({ query: WATCH, variables: { id: activityId } }) as unknown as Live;
      const subscription = live.subscribe({ next: () => resolve('event'), error: (e) => resolve(e) });
      setTimeout(() => resolve('timeout'), 10_000);
      void subscription;
    });
    expect(JSON.stringify(refused)).toMatch(/NotFound|The activity was not found/);
  });
});
