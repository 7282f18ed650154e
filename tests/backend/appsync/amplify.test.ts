/**
 * The unmodified aws-amplify v6 client against the local AppSync: a query over HTTP and a
 * subscription over the realtime socket. Node 20 has no WebSocket, so `ws` stands in, wrapped to
 * undo Amplify's forced http→wss rewrite (test-only; never ship such a rewrite).
 */
import { decodeJwt } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLIENT_ID, gql, startFixture, type Fixture } from './helpers.js';

class LocalWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(String(url).replace(/^wss:\/\/127\.0\.0\.1/, 'ws://127.0.0.1'), protocols);
  }
}

let fx: Fixture;
const original = (globalThis as { WebSocket?: unknown }).WebSocket;
beforeAll(async () => {
  fx = await startFixture();
  (globalThis as { WebSocket?: unknown }).WebSocket = LocalWebSocket;
});
afterAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = original;
  await fx.close();
});

it('aws-amplify v6 generateClient: query and subscription', async () => {
  const { Amplify } = await import('aws-amplify');
  const { generateClient } = await import('aws-amplify/api');
  const token = await fx.token({ groups: ['members'] });
  Amplify.configure(
    {
      Auth: { Cognito: { userPoolId: 'local_test', userPoolClientId: CLIENT_ID } },
      API: { GraphQL: { endpoint: fx.api.url, region: 'local', defaultAuthMode: 'userPool' } },
    },
    // No Cognito in this test: hand Amplify the access token directly.
    {
      Auth: {
        tokenProvider: {
          getTokens: async () => ({ accessToken: { toString: () => token, payload: decodeJwt(token) } }),
        },
      },
    },
  );
  const client = generateClient();

  const res = (await client.graphql({
    query: 'query Q($id: ID!) { activity(id: $id) { id title } }',
    variables: { id: 'a7' },
  })) as { data: unknown };
  expect(res.data).toEqual({ activity: { id: 'a7', title: 'Hike' } });

  const received: unknown[] = [];
  const observable = client.graphql({
    query: 'subscription S($u: ID!) { onActivity(universityId: $u) { id title universityId } }',
    variables: { u: 'u5' },
  }) as unknown as { subscribe(o: { next(v: unknown): void; error(e: unknown): void }): { unsubscribe(): void } };
  const errors: unknown[] = [];
  const sub = observable.subscribe({ next: (v) => received.push(v), error: (e) => errors.push(e) });

  // The subscription is live once the resolver has been invoked at start and start_ack sent;
  // poll by publishing until the first event arrives (Amplify exposes no "ready" on this path).
  const deadline = Date.now() + 10_000;
  while (!received.length && !errors.length && Date.now() < deadline) {
    await gql(
      fx.api,
      token,
      'mutation { createActivity(universityId: "u5", title: "Swim") { id universityId title } }',
    );
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(errors).toEqual([]);
  expect(received[0]).toMatchObject({ data: { onActivity: { id: 'a-Swim', title: 'Swim', universityId: 'u5' } } });
  sub.unsubscribe();
}, 20_000);
