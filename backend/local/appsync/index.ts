/**
 * Huddle's local AppSync: one node:http server on 127.0.0.1 serving POST /graphql and the
 * realtime WebSocket at /graphql/realtime, driven by the same SDL and Lambda handler as AWS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppSyncResolverEvent, CognitoIdentity } from '../../src/event.js';
import { originAllowed } from '../origins.js';
import { createVerifier, iamCaller } from './auth.js';
import { createEngine } from './execute.js';
import { createHttpHandler } from './http.js';
import type { RequestLimits } from './limits.js';
import { createRealtime } from './realtime.js';
import { loadSchema } from './schema.js';
import { createSubscriptions } from './subscriptions.js';

export interface LocalAppSyncOptions {
  schemaSdl: string;
  host?: string;
  port: number;
  auth: { issuer: string; jwksUrl: string; userPoolClientIds: string[] };
  invoke(event: AppSyncResolverEvent): Promise<unknown>;
  /** non-root fields with a resolver, e.g. ['Activity.host']; root fields always have one */
  resolvedFields?: string[];
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  log?: (line: string) => void;
  /** realtime keep-alive interval; AppSync sends `ka` about once a minute */
  keepAliveMs?: number;
  /** the app's origins: the only ones a browser may call from or open a socket from (default: none) */
  allowedOrigins?: readonly string[];
  /** queryDepthLimit / resolverCountLimit, as set on the AppSync API (default: none) */
  limits?: RequestLimits;
  /** the most GraphQL requests served at once over HTTP (default 64; fewer under overload); more get 429 */
  maxConcurrentRequests?: number;
  /** run before each subscription delivery; throwing ends that subscription (a session that ended) */
  checkSubscriber?(identity: CognitoIdentity): Promise<void>;
}

/** More than a page or a test sends at once; under overload the bound follows the machine's speed. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

export interface LocalAppSync {
  url: string;
  realtimeUrl: string;
  executeAsIam(query: string, variables?: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[] }>;
  /** Cuts the realtime sockets (clients see a dropped connection and reconnect): for tests of catching up. */
  dropRealtimeConnections(): void;
  close(): Promise<void>;
}

export async function startLocalAppSync(opts: LocalAppSyncOptions): Promise<LocalAppSync> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const local = loadSchema(opts.schemaSdl);
  const verify = createVerifier(opts.auth);
  // The engine publishes mutations to the subscriptions, which execute through the engine.
  let publish: (field: string, payload: unknown) => void = () => undefined;
  let listening: (field: string) => boolean = () => false;
  const engine = createEngine({
    local,
    invoke: opts.invoke,
    resolvedFields: opts.resolvedFields ?? [],
    log,
    onMutation: (field, payload) => publish(field, payload),
    wantsMutation: (field) => listening(field),
    limits: opts.limits,
  });
  const subscriptions = createSubscriptions({
    engine,
    local,
    invoke: opts.invoke,
    log,
    checkSubscriber: opts.checkSubscriber,
  });
  publish = subscriptions.publish;
  listening = subscriptions.listening;

  const realtime = createRealtime({ verify, subscriptions, keepAliveMs: opts.keepAliveMs ?? 60_000, log });
  const allowedOrigins = opts.allowedOrigins ?? [];
  const server = createServer(
    createHttpHandler({
      engine,
      verify,
      extraRoutes: opts.extraRoutes,
      log,
      allowedOrigins,
      maxConcurrentRequests: opts.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS,
    }),
  );
  server.on('upgrade', (req, socket, head) => {
    // CORS does not apply to WebSockets: a page on another origin could open one, so refuse it here.
    if (!originAllowed(req, allowedOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else if (new URL(req.url ?? '/', 'http://local').pathname === '/graphql/realtime')
      realtime.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${host}:${port}`;

  return {
    url: `http://${origin}/graphql`,
    realtimeUrl: `ws://${origin}/graphql/realtime`,
    async executeAsIam(query, variables) {
      const out = await engine.handle({ query, variables: variables ?? {}, caller: iamCaller(), headers: {} });
      return out.body;
    },
    dropRealtimeConnections: () => realtime.dropConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        realtime.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
