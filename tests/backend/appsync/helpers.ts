/**
 * Test fixtures: a tiny AppSync-flavoured schema, a fake Lambda that records its events, a test
 * RSA key served as JWKS, and a token signer that can produce every kind of bad token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import WebSocket from 'ws';
import { AppError } from '../../../backend/src/errors.js';
import type { AppSyncResolverEvent } from '../../../backend/src/event.js';
import {
  startLocalAppSync,
  type LocalAppSync,
  type LocalAppSyncOptions,
} from '../../../backend/local/appsync/index.js';

export const SCHEMA = /* GraphQL */ `
  type University @aws_cognito_user_pools @aws_iam {
    id: ID!
    name: String
  }
  type User {
    id: ID!
    name: String
  }
  type Activity @aws_cognito_user_pools @aws_iam {
    id: ID!
    universityId: ID!
    title: String
    startsAt: AWSDateTime
    meta: AWSJSON
    university: University
    host: User @aws_cognito_user_pools
  }
  type Query {
    me: User
    activity(id: ID!): Activity
    adminStats: String @aws_cognito_user_pools(cognito_groups: ["admins"])
    iamOnly: String @aws_iam
    boom: String
    missing: String
    badDate: AWSDateTime
    echoJson(value: AWSJSON!): AWSJSON
  }
  type Mutation {
    createActivity(universityId: ID!, title: String!): Activity
    publishActivity(universityId: ID!, id: ID!, title: String): Activity @aws_iam
  }
  type Subscription {
    onActivity(universityId: ID!): Activity @aws_subscribe(mutations: ["createActivity", "publishActivity"])
    onAnyActivity: Activity @aws_subscribe(mutations: ["createActivity"])
    onAdminActivity: Activity
      @aws_subscribe(mutations: ["createActivity"])
      @aws_cognito_user_pools(cognito_groups: ["admins"])
  }
`;

export const CLIENT_ID = 'testclient';
/** The app's origin for these tests: the only one a browser may call the gateway from. */
export const APP_ORIGIN = 'http://localhost:5173';
export const ISSUER = 'http://127.0.0.1/local_test';

export async function fakeLambda(event: AppSyncResolverEvent): Promise<unknown> {
  const { fieldName, parentTypeName } = event.info;
  const args = event.arguments as Record<string, string>;
  switch (`${parentTypeName}.${fieldName}`) {
    case 'Query.me':
      return { id: (event.identity as { sub: string }).sub, name: 'Me' };
    case 'Query.activity':
      return {
        id: args.id,
        universityId: 'u1',
        title: 'Hike',
        startsAt: '2030-01-01T10:00:00Z',
        meta: { level: 2 },
        university: { id: 'u1', name: 'Uni' },
      };
    case 'Query.adminStats':
    case 'Query.iamOnly':
      return 'ok';
    case 'Query.boom':
      throw new Error('database password is hunter2');
    case 'Query.missing':
      throw new AppError('NotFound', 'Activity was not found.', 'activity.notFound');
    case 'Query.badDate':
      return 'yesterday';
    case 'Query.echoJson':
      return event.arguments.value;
    case 'Activity.host':
      return { id: 'h1', name: `Host of ${String(event.source?.id)}` };
    case 'Mutation.createActivity':
      return {
        id: `a-${args.title}`,
        universityId: args.universityId,
        title: args.title,
        startsAt: '2030-01-01T10:00:00Z',
        meta: { n: 1 },
      };
    case 'Mutation.publishActivity':
      return { ...args };
    case 'Subscription.onActivity':
      if (args.universityId === 'forbidden')
        throw new AppError('Forbidden', 'You are not a member of this university.', 'subscription.notYours');
      return null;
    default:
      return null;
  }
}

export interface Fixture {
  api: LocalAppSync;
  events: AppSyncResolverEvent[];
  token(opts?: {
    groups?: string[];
    use?: 'access' | 'id';
    clientId?: string;
    issuer?: string;
    expiresIn?: number;
    forged?: boolean;
    sub?: string;
  }): Promise<string>;
  logs: string[];
  close(): Promise<void>;
}

export async function startFixture(
  keepAliveMs = 60_000,
  extra: Partial<Pick<LocalAppSyncOptions, 'limits' | 'maxConcurrentRequests' | 'checkSubscriber' | 'invoke'>> = {},
): Promise<Fixture> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const jwks: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
  );
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  const events: AppSyncResolverEvent[] = [];
  const logs: string[] = [];
  const api = await startLocalAppSync({
    schemaSdl: SCHEMA,
    port: 0,
    auth: { issuer: ISSUER, jwksUrl, userPoolClientIds: [CLIENT_ID] },
    invoke: async (e) => {
      events.push(e);
      return (extra.invoke ?? fakeLambda)(e);
    },
    resolvedFields: ['Activity.host'],
    log: (l) => logs.push(l),
    keepAliveMs,
    allowedOrigins: [APP_ORIGIN],
    limits: extra.limits,
    maxConcurrentRequests: extra.maxConcurrentRequests,
    checkSubscriber: extra.checkSubscriber,
  });
  const token: Fixture['token'] = async (o = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const use = o.use ?? 'access';
    // Like Cognito, the groups claim is absent for a user in no group.
    const claims: Record<string, unknown> = {
      token_use: use,
      username: 'alice',
      scope: 'aws.cognito.signin.user.admin',
    };
    if (o.groups) claims['cognito:groups'] = o.groups;
    if (use === 'access') claims.client_id = o.clientId ?? CLIENT_ID;
    else Object.assign(claims, { aud: o.clientId ?? CLIENT_ID, email: 'alice@example.org' });
    const key: CryptoKey = o.forged ? other.privateKey : privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(o.sub ?? 'sub-alice')
      .setIssuer(o.issuer ?? ISSUER)
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (o.expiresIn ?? 3600))
      .sign(key);
  };
  return {
    api,
    events,
    token,
    logs,
    close: async () => {
      await api.close();
      await new Promise<void>((r) => jwks.close(() => r()));
    },
  };
}

export interface ErrorBody {
  errorType?: string;
  message?: string;
  errorCode?: number;
  [key: string]: unknown;
}
export interface Body {
  data?: Record<string, unknown> | null;
  errors?: ErrorBody[];
}
/** A realtime frame as the server sends it. */
export interface Frame {
  type: string;
  id?: string;
  payload?: Body & { connectionTimeoutMs?: number };
}

export async function gql(
  api: LocalAppSync,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Body };
}

/** A raw realtime client that records every frame, like Amplify's socket. */
export async function connect(api: LocalAppSync, token: string, mode: 'subprotocol' | 'query' = 'subprotocol') {
  const header = JSON.stringify({ Authorization: token, host: new URL(api.url).host });
  let url = api.realtimeUrl;
  const protocols = ['graphql-ws'];
  if (mode === 'subprotocol') protocols.push(`header-${Buffer.from(header).toString('base64url')}`);
  else url += `?header=${encodeURIComponent(Buffer.from(header).toString('base64'))}&payload=e30=`;
  const ws = new WebSocket(url, protocols);
  const frames: Frame[] = [];
  const waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (raw) => {
    const f = JSON.parse(String(raw)) as Frame;
    frames.push(f);
    for (const w of [...waiters]) {
      if (!w.pred(f)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(f);
    }
  });
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
  const next = (pred: (f: Frame) => boolean, ms = 3000) =>
    new Promise<Frame>((resolve, reject) => {
      const seen = frames.find(pred);
      if (seen) return (frames.splice(frames.indexOf(seen), 1), resolve(seen));
      const t = setTimeout(() => reject(new Error(`timeout; frames: ${JSON.stringify(frames)}`)), ms);
      waiters.push({ pred, resolve: (f) => (clearTimeout(t), frames.splice(frames.indexOf(f), 1), resolve(f)) });
    });
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  const start = (id: string, query: string, variables: Record<string, unknown> = {}, auth = token) =>
    send({
      id,
      type: 'start',
      payload: {
        data: JSON.stringify({ query, variables }),
        extensions: { authorization: { Authorization: auth, host: new URL(api.url).host } },
      },
    });
  return { ws, frames, next, send, start, closed, protocol: () => ws.protocol };
}
