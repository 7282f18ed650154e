/**
 * The HTTP side: POST /graphql with AppSync's status codes and error bodies, CORS for the app's
 * origin only (echoing the requested headers: a `*` does not cover Authorization; any other Origin
 * is refused), a bound on requests in progress, and the caller's extra routes.
 *
 * Overload: AppSync does not queue a request it cannot serve, it answers "too many requests" at
 * once. The gateway admits a bounded number of GraphQL requests at a time — at most
 * `maxConcurrentRequests`, and under overload as many as it answers in ~300 ms (admission.ts) —
 * and answers the rest straight away with HTTP 429 and a TooManyRequestsException, which Amplify
 * (and the app's own run()) retry with backoff. Queueing instead let the embedded database's
 * backlog grow until requests waited for tens of seconds and connections failed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed, originOf, setCorsHeaders } from '../origins.js';
import { createAdmission } from './admission.js';
import { UnauthorizedException, type Caller } from './auth.js';
import type { Engine } from './execute.js';

export interface HttpOptions {
  engine: Engine;
  verify(token: string | undefined, sourceIp: string): Promise<Caller>;
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  log(line: string): void;
  /** origins a browser may call from (the app's); a request naming any other Origin is refused */
  allowedOrigins: readonly string[];
  /** the most GraphQL requests in progress at once; fewer under overload (admission.ts), then 429 */
  maxConcurrentRequests: number;
}

/** Under overload, admitted requests should wait about this long at most (admission.ts). */
const TARGET_WAIT_MS = 300;

export const TOO_MANY_REQUESTS = 'TooManyRequestsException';
const BUSY_MESSAGE = 'Too many requests: the API is busy. Try again in a moment.';

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // No writeHead: with the headers still pending, end() sets Content-Length and sends headers and
  // body in one write, instead of a chunked response written as several buffers.
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=UTF-8');
  for (const name in headers) res.setHeader(name, headers[name]!);
  res.end(JSON.stringify(body));
}

const transportError = (res: ServerResponse, status: number, errorType: string, message: string) =>
  json(res, status, { errors: [{ errorType, message }] }, { 'x-amzn-ErrorType': errorType });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
  return out;
}

/** The request's path; the common `/graphql` needs no URL parsing. */
function pathOf(url: string | undefined): string {
  if (url === '/graphql') return url;
  return new URL(url ?? '/', 'http://local').pathname;
}

export function createHttpHandler(opts: HttpOptions) {
  const admission = createAdmission({ max: opts.maxConcurrentRequests, min: 4, targetMs: TARGET_WAIT_MS });

  async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const leave = admission.enter();
    if (!leave) {
      res.setHeader('Retry-After', '1');
      const busy = { errorType: TOO_MANY_REQUESTS, message: BUSY_MESSAGE, errorInfo: { code: 'api.busy' } };
      return json(res, 429, { errors: [busy] }, { 'x-amzn-ErrorType': TOO_MANY_REQUESTS });
    }
    // 'close' follows the end of the answer or a dropped connection, whichever comes first.
    res.once('close', leave);
    let caller: Caller;
    const auth = req.headers.authorization;
    try {
      caller = await opts.verify(auth, req.socket.remoteAddress ?? '127.0.0.1');
    } catch (err) {
      const message = err instanceof UnauthorizedException ? err.message : 'Valid authorization header not provided.';
      return transportError(res, 401, 'UnauthorizedException', message);
    }
    const text = await readBody(req);
    if (!text.trim()) return transportError(res, 400, 'MalformedHttpRequestException', 'Request body is empty.');
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return transportError(res, 400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.');
    }
    if (!body || typeof body !== 'object' || typeof body.query !== 'string' || !body.query.trim()) {
      return transportError(res, 400, 'MalformedHttpRequestException', 'Unable to parse GraphQL query.');
    }
    const variables =
      body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {};
    const operationName = typeof body.operationName === 'string' ? body.operationName : null;
    const out = await opts.engine.handle({
      query: body.query,
      variables,
      operationName,
      caller,
      headers: lowerHeaders(req),
    });
    const errorType = out.status === 400 ? (out.body.errors?.[0]?.errorType ?? 'BadRequestException') : undefined;
    json(res, out.status, out.body, errorType ? { 'x-amzn-ErrorType': errorType } : {});
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = pathOf(req.url);
      if (!originAllowed(req, opts.allowedOrigins)) {
        res.setHeader('Vary', 'Origin');
        return transportError(res, 403, 'ForbiddenException', `Origin ${originOf(req)} may not call this API.`);
      }
      setCorsHeaders(req, res, opts.allowedOrigins, {
        methods: 'POST, GET, OPTIONS',
        exposeHeaders: 'x-amzn-ErrorType, x-amzn-RequestId',
        defaultHeaders: 'authorization, content-type, x-amz-user-agent',
      });
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Max-Age': '86400' }).end();
        return;
      }
      if (path === '/graphql' && req.method === 'POST') return await graphql(req, res);
      if (opts.extraRoutes && (await opts.extraRoutes(req, res))) return;
      transportError(res, 404, 'NotFoundException', `No route for ${req.method} ${path}`);
    } catch (err) {
      opts.log(`[appsync] http failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent)
        transportError(res, 500, 'InternalFailure', 'An internal error occurred. Please try again.');
      else res.end();
    }
  };
}
