// Only the app's origin may call the gateway from a browser: any page a developer visits runs on the
// same machine. Scripts and tests send no Origin and are served as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { APP_ORIGIN, startFixture, type Fixture } from './helpers.js';

describe('origins', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
  });
  afterAll(() => fx.close());

  it('refuses a request from another origin before reading its token, and grants no CORS', async () => {
    fx.events.length = 0;
    const res = await fetch(fx.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', authorization: await fx.token() },
      body: JSON.stringify({ query: 'mutation { createActivity(universityId: "u1", title: "x") { id } }' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(fx.events).toEqual([]);
    const preflight = await fetch(fx.api.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a realtime socket opened from another origin (CORS does not cover WebSockets)', async () => {
    const open = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(fx.api.realtimeUrl, ['graphql-ws'], { origin });
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
    expect(await open('https://evil.example')).toBe(403);
    expect(await open(APP_ORIGIN)).toBe(101);
  });
});
