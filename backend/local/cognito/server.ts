/**
 * The HTTP face of the local Cognito, on plain node:http (cognito-local's own express server
 * hard-codes its data folder and port). Speaks the AWS JSON 1.1 protocol Amplify and the AWS SDK
 * use: POST / with x-amz-target; errors as HTTP 400 + x-amzn-ErrorType + {__type, message}.
 * Also serves the JWKS and OpenID configuration the AppSync emulator verifies tokens with, and
 * the dev mailbox. Browsers may call it only from the app's origin (CORS names that origin, never
 * `*`, and any other Origin is refused outright); admin operations need the local key.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { Mailbox } from '../mailbox.js';
import { originAllowed, originOf, setCorsHeaders } from '../origins.js';
import type { Dispatch } from './dispatch.js';
import { toErrorAnswer } from './errors.js';
import { LOCAL_KEY_HEADER, isLocalKey } from './localKey.js';

const MAX_BODY = 1 << 20;

export interface ServerParts {
  dispatch: Dispatch;
  userPoolId: string;
  issuer: string;
  jwk: JWK;
  mailbox: Mailbox;
  log: (line: string) => void;
  /** origins a browser may call from (the app's); requests naming any other Origin are refused */
  allowedOrigins: readonly string[];
  /** the local key admin operations need */
  localKey: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  // AWS JSON protocol: timestamps are epoch seconds (cognito-local keeps Dates in its records).
  const json = JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : value;
  });
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createHandler(p: ServerParts) {
  const wellKnown = `/${p.userPoolId}/.well-known/`;

  async function operation(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    const target = String(req.headers['x-amz-target'] ?? '');
    const op = target.split('.')[1] ?? '';
    const fail = (status: number, type: string, message: string) =>
      sendJson(res, status, { __type: type, message }, { 'x-amzn-errortype': type, 'x-amzn-requestid': requestId });
    if (!target.startsWith('AWSCognitoIdentityProviderService.') || !op) {
      return fail(400, 'UnknownOperationException', 'Missing or invalid x-amz-target header');
    }
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text ? JSON.parse(text) : {};
    } catch {
      return fail(400, 'SerializationException', 'The request body could not be parsed as JSON');
    }
    try {
      const out = await p.dispatch(op, body, { admin: isLocalKey(p.localKey, req.headers[LOCAL_KEY_HEADER]) });
      sendJson(res, 200, out ?? {}, { 'x-amzn-requestid': requestId });
    } catch (err) {
      const answer = toErrorAnswer(err, op);
      if (answer) return fail(answer.status, answer.type, answer.message);
      p.log(`[cognito] ${op} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      fail(500, 'InternalErrorException', 'Internal error');
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!originAllowed(req, p.allowedOrigins)) {
      sendJson(
        res,
        403,
        { __type: 'AccessDeniedException', message: `Origin ${originOf(req)} may not call Huddle's local Cognito.` },
        { 'x-amzn-errortype': 'AccessDeniedException', vary: 'Origin' },
      );
      return;
    }
    setCorsHeaders(req, res, p.allowedOrigins, {
      methods: 'POST, GET, OPTIONS',
      exposeHeaders: 'x-amzn-ErrorType, x-amzn-RequestId',
    });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-max-age': '600' }).end();
    } else if (req.method === 'POST' && path === '/') {
      void operation(req, res);
    } else if (req.method === 'GET' && path === `${wellKnown}jwks.json`) {
      sendJson(res, 200, { keys: [p.jwk] }, { 'content-type': 'application/json' });
    } else if (req.method === 'GET' && path === `${wellKnown}openid-configuration`) {
      sendJson(
        res,
        200,
        {
          issuer: p.issuer,
          jwks_uri: `${p.issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
          subject_types_supported: ['public'],
          response_types_supported: ['code', 'token'],
        },
        { 'content-type': 'application/json' },
      );
    } else if (req.method === 'GET' && path === '/health') {
      sendJson(res, 200, { ok: true }, { 'content-type': 'application/json' });
    } else if (!p.mailbox.handle(req, res)) {
      sendJson(
        res,
        404,
        { __type: 'ResourceNotFoundException', message: `No route for ${req.method} ${path}` },
        { 'x-amzn-errortype': 'ResourceNotFoundException' },
      );
    }
  };
}
