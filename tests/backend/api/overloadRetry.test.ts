// The app's run() through Amplify's real GraphQL engine against an API that answers HTTP 429
// TooManyRequestsException, as the local gateway (and AppSync) do when overloaded: it tries again
// with growing pauses, and gives up with a TooManyRequestsException ApiError.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { Amplify } from 'aws-amplify';
import type { Document } from '../../../src/api/document.js';
import { ApiError } from '../../../src/api/errors.js';
import { run } from '../../../src/api/run.js';

const ME = '{ me { id } }' as Document<{ me: { id: string } }, Record<string, never>>;

let server: Server;
let refusals = 0;
const seen: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(performance.now());
      if (refusals > 0) {
        refusals -= 1;
        res.writeHead(429, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'TooManyRequestsException' });
        res.end(JSON.stringify({ errors: [{ errorType: 'TooManyRequestsException', message: 'Too many requests' }] }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { me: { id: 'x' } } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  Amplify.configure({ API: { GraphQL: { endpoint: url, region: 'local', defaultAuthMode: 'apiKey', apiKey: 'k' } } });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (seen.length = 0));

it('comes back after a pause once Amplify’s own quick retries were refused too, and gets its answer', async () => {
  refusals = 4; // Amplify's three quick tries, then run()'s first try after a pause
  await expect(run(ME, {})).resolves.toEqual({ me: { id: 'x' } });
  expect(seen).toHaveLength(5); // the fifth, Amplify's second try in run()'s second round, is served
  // The pause before run()'s own tries: at least half of 1 s (jitter), more than Amplify's spacing.
  expect(seen[3]! - seen[2]!).toBeGreaterThanOrEqual(500);
});

it('gives up after a few seconds with a TooManyRequestsException', async () => {
  refusals = 1000;
  const error = await run(ME, {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ errorType: 'TooManyRequestsException', info: { code: 'api.busy' } });
  expect(seen).toHaveLength(9); // three rounds of Amplify's three tries
  refusals = 0;
}, 15_000);
