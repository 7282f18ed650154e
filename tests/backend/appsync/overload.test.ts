// Overload: the gateway admits a bounded number of requests at once and answers the rest at once
// with HTTP 429 TooManyRequestsException, as AppSync does, instead of queueing them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncResolverEvent } from '../../../backend/src/event.js';
import { fakeLambda, gql, startFixture, type Fixture } from './helpers.js';

describe('overload', () => {
  let fx: Fixture;
  const gate: { open?: () => void; wait?: Promise<void> } = {};
  const close = () => {
    gate.wait = new Promise<void>((resolve) => (gate.open = resolve));
  };
  beforeAll(async () => {
    close();
    fx = await startFixture(60_000, {
      maxConcurrentRequests: 2,
      invoke: async (e: AppSyncResolverEvent) => {
        if (e.info.fieldName === 'me') await gate.wait; // a slow resolver holds its place
        return fakeLambda(e);
      },
    });
  });
  afterAll(() => fx.close());

  it('admits a bounded number of requests and answers the others at once with 429 TooManyRequestsException', async () => {
    const token = await fx.token();
    const held = [gql(fx.api, token, '{ me { id } }'), gql(fx.api, token, '{ me { id } }')];
    await new Promise((resolve) => setTimeout(resolve, 50)); // both admitted and waiting in the resolver
    const started = performance.now();
    const refused = await gql(fx.api, token, '{ activity(id: "1") { id } }');
    const refusedIn = performance.now() - started;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toEqual({
      errors: [
        {
          errorType: 'TooManyRequestsException',
          message: 'Too many requests: the API is busy. Try again in a moment.',
          errorInfo: { code: 'api.busy' },
        },
      ],
    });
    // Answered while the two admitted requests are still running: not queued behind them.
    expect(refusedIn).toBeLessThan(1000);
    expect(fx.events.filter((e) => e.info.fieldName === 'activity')).toEqual([]);

    gate.open!();
    for (const answer of await Promise.all(held)) expect(answer.status).toBe(200);
    // Places are given back once answers are sent: the API serves again.
    expect((await gql(fx.api, token, '{ activity(id: "1") { id } }')).status).toBe(200);
  });
});
