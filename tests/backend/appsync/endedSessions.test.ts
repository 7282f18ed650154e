// A subscription whose session ended after it started (sign out of all devices, a password change)
// is closed at its next event: AppSync runs a subscription's resolver only at start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../backend/src/errors.js';
import { connect, gql, startFixture, type Fixture } from './helpers.js';

describe('subscriptions of an ended session', () => {
  let fx: Fixture;
  const ended = new Set<string>();
  beforeAll(async () => {
    fx = await startFixture(60_000, {
      checkSubscriber: async (identity) => {
        if (ended.has(identity.sub))
          throw new AppError(
            'Unauthorized',
            'You signed out on all devices. Sign in again.',
            'auth.signedOutEverywhere',
          );
      },
    });
  });
  afterAll(() => fx.close());

  it('are closed at their next event with an Unauthorized error, and get nothing more', async () => {
    const bob = await fx.token({ sub: 'sub-bob' });
    const ws = await connect(fx.api, bob);
    ws.send({ type: 'connection_init' });
    await ws.next((f) => f.type === 'connection_ack');
    ws.start('s1', 'subscription { onActivity(universityId: "u1") { id title } }');
    await ws.next((f) => f.id === 's1' && f.type === 'start_ack');

    const writer = await fx.token({ sub: 'sub-writer' });
    await gql(
      fx.api,
      writer,
      'mutation { createActivity(universityId: "u1", title: "Before") { id universityId title } }',
    );
    expect(await ws.next((f) => f.id === 's1' && f.type === 'data')).toMatchObject({
      payload: { data: { onActivity: { title: 'Before' } } },
    });

    ended.add('sub-bob');
    await gql(
      fx.api,
      writer,
      'mutation { createActivity(universityId: "u1", title: "After") { id universityId title } }',
    );
    expect(await ws.next((f) => f.id === 's1')).toEqual({
      id: 's1',
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'You signed out on all devices. Sign in again.' }] },
    });
    await gql(
      fx.api,
      writer,
      'mutation { createActivity(universityId: "u1", title: "Later") { id universityId title } }',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.frames.filter((f) => f.type === 'data')).toEqual([]);
    ws.ws.close();
  });
});
