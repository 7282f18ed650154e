/**
 * AppSync's realtime WebSocket protocol as Amplify v6 speaks it (see docs/local-cloud.md):
 * subprotocol `graphql-ws` + `header-<base64url JSON>` (or the older `?header=<base64>&payload=e30=`), connection_init/ack, ka, start/start_ack/error,
 * data, stop/complete, connection_error on bad auth.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { UnauthorizedException, type Caller } from './auth.js';
import type { Subscriber, Subscriptions } from './subscriptions.js';

export interface RealtimeOptions {
  verify(token: string | undefined, sourceIp: string): Promise<Caller>;
  subscriptions: Subscriptions;
  keepAliveMs: number;
  log(line: string): void;
}

const CONNECTION_TIMEOUT_MS = 300_000;

function decodeHeader(text: string | null | undefined): Record<string, string> {
  if (!text) return {};
  try {
    // base64url and classic base64 both decode with Node's 'base64' decoder after normalising.
    const json = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function connectionHeader(req: IncomingMessage): Record<string, string> {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const sub = offered.find((p) => p.startsWith('header-'));
  if (sub) return decodeHeader(sub.slice('header-'.length));
  return decodeHeader(new URL(req.url ?? '/', 'http://local').searchParams.get('header'));
}

const lower = (h: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]));

export function createRealtime(opts: RealtimeOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    // The client offers graphql-ws plus the header-… protocol; AppSync selects graphql-ws.
    handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
  });

  function onConnection(ws: WebSocket, req: IncomingMessage): void {
    const ip = req.socket.remoteAddress ?? '127.0.0.1';
    const header = connectionHeader(req);
    const auth = opts.verify(header.Authorization ?? header.authorization, ip);
    auth.catch(() => undefined); // handled at connection_init / start
    const subs = new Map<string, Subscriber>();
    let ka: NodeJS.Timeout | undefined;
    const send = (m: unknown): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };

    async function authorised(): Promise<boolean> {
      try {
        await auth;
        return true;
      } catch (err) {
        const message = err instanceof UnauthorizedException ? err.message : 'Valid authorization header not provided.';
        send({
          type: 'connection_error',
          payload: { errors: [{ errorType: 'UnauthorizedException', message, errorCode: 401 }] },
        });
        ws.close(1000);
        return false;
      }
    }

    async function onStart(
      id: string,
      payload: { data?: string; extensions?: { authorization?: Record<string, string> } },
    ) {
      const authz = payload?.extensions?.authorization ?? {};
      let caller: Caller;
      try {
        caller = await opts.verify(authz.Authorization ?? authz.authorization, ip); // re-checks expiry
      } catch (err) {
        const message = err instanceof UnauthorizedException ? err.message : 'Valid authorization header not provided.';
        return send({ id, type: 'error', payload: { errors: [{ errorType: 'UnauthorizedException', message }] } });
      }
      let request: { query?: string; variables?: Record<string, unknown> };
      try {
        request = JSON.parse(payload?.data ?? '') as typeof request;
      } catch {
        return send({
          id,
          type: 'error',
          payload: {
            errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }],
          },
        });
      }
      const previous = subs.get(id); // a reused id replaces its subscription
      if (previous) opts.subscriptions.remove(previous);
      const headers = lower({ ...header, ...authz });
      const req = { query: request.query ?? '', variables: request.variables ?? {}, caller, headers };
      const result = await opts.subscriptions.start(id, req, send);
      if (!result.ok) return send({ id, type: 'error', payload: { errors: result.errors } });
      if (ws.readyState !== ws.OPEN) return void opts.subscriptions.remove(result.subscriber);
      subs.set(id, result.subscriber);
      send({ id, type: 'start_ack' });
    }

    async function onMessage(raw: unknown): Promise<void> {
      let msg: { type?: string; id?: string; payload?: never };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return send({
          type: 'error',
          payload: { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse message.' }] },
        });
      }
      if (!(await authorised())) return;
      if (msg.type === 'connection_init') {
        send({ type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
        send({ type: 'ka' });
        clearInterval(ka);
        ka = setInterval(() => send({ type: 'ka' }), opts.keepAliveMs);
      } else if (msg.type === 'start' && msg.id) {
        await onStart(msg.id, msg.payload ?? {});
      } else if (msg.type === 'stop' && msg.id) {
        const sub = subs.get(msg.id);
        if (sub) opts.subscriptions.remove(sub);
        subs.delete(msg.id);
        send({ id: msg.id, type: 'complete' });
      } else {
        send({
          id: msg.id,
          type: 'error',
          payload: {
            errors: [{ errorType: 'UnsupportedOperation', message: `Operation ${String(msg.type)} is not supported.` }],
          },
        });
      }
    }
    // One message at a time per socket, so a `stop` right after a `start` finds the subscription.
    let chain = Promise.resolve();
    ws.on('message', (raw) => {
      chain = chain.then(() => onMessage(raw)).catch((err) => opts.log(`[appsync] realtime failure: ${String(err)}`));
    });
    ws.on('close', () => {
      clearInterval(ka);
      for (const sub of subs.values()) opts.subscriptions.remove(sub);
      subs.clear();
    });
    ws.on('error', (err) => opts.log(`[appsync] websocket error: ${err.message}`));
  }

  wss.on('connection', onConnection);

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    /** Cuts every open socket as a network drop would, and keeps listening for new ones. */
    dropConnections(): void {
      for (const client of wss.clients) client.terminate();
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
