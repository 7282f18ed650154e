/**
 * Huddle's local Cognito: cognito-local 5.3.0's services and targets behind our own node:http
 * server, with the operations unmodified Amplify v6 needs added in front of it (SRP sign-in,
 * GetTokensFromRefreshToken, ResendConfirmationCode, GlobalSignOut, and AdminUserGlobalSignOut for
 * the server) and the production pool's rules (password policy, case-insensitive emails, verified
 * email on confirm, no answer that tells whether an account exists, hooks in place of the
 * PreSignUp/PostConfirmation Lambdas). Admin and list operations need the per-start local key
 * (localKey.ts); browsers may call only from `allowedOrigins`. All state lives in `dataDir`:
 *   dataDir/db/            cognito-local's JSON files (users, groups, the pool, the app client)
 *   dataDir/signing-key.pem the per-install RSA key tokens are signed with
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Router } from 'cognito-local/lib/server/Router.js';
import type { Config } from 'cognito-local/lib/server/config.js';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import { CognitoServiceFactoryImpl, type CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import type { Mailbox } from '../mailbox.js';
import { authenticate } from './accessToken.js';
import { createDispatch } from './dispatch.js';
import { cognitoError } from './errors.js';
import { loadOrCreateKeys } from './keys.js';
import { newLocalKey } from './localKey.js';
import type { OpEnv } from './operations/types.js';
import { PASSWORD_POLICY } from './passwordPolicy.js';
import { addToGroup, ensureUser, getUser, removeFromGroup, type SeedUser, type UserRecord } from './seed.js';
import { createHandler } from './server.js';
import { CTX, buildServices, type Hooks } from './services.js';
import { LocalTokens } from './tokens.js';

export interface LocalCognitoOptions {
  dataDir: string;
  host?: string;
  port: number;
  poolName?: string;
  mailbox: Mailbox;
  log?: (line: string) => void;
  hooks: Hooks;
  /** the app's origins: the only ones a browser may call from (default: none) */
  allowedOrigins?: readonly string[];
}

export interface LocalCognito {
  url: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  issuer: string;
  jwksUrl: string;
  /** the key admin operations need over HTTP; made at every start, never written anywhere */
  localKey: string;
  /** an operation as the cloud's own code calls it: with admin rights, without HTTP */
  admin(op: string, body: Record<string, unknown>): Promise<unknown>;
  ensureUser(u: SeedUser): Promise<string>;
  getUserBySub(sub: string): Promise<UserRecord | null>;
  /** Group membership changed in-process (the server's UserGroups service), not over HTTP. */
  addToGroup(sub: string, group: string): Promise<void>;
  removeFromGroup(sub: string, group: string): Promise<void>;
  close(): Promise<void>;
}

export type { Hooks, SeedUser, UserRecord };

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number, alphabet: string) =>
  Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');

/** The one pool and app client, created on first start and read back on every later one. */
async function poolAndClient(cognito: CognitoService, poolName: string) {
  const now = new Date();
  let options = (await cognito.listUserPools(CTX))[0];
  if (!options) {
    // No "_" after the prefix: Amplify takes the region from before it and the SRP pool name after it.
    const id = `local_${randomId(9, ALNUM)}`;
    options = await cognito.createUserPool(CTX, {
      Id: id,
      Name: poolName,
      Arn: `arn:aws:cognito-idp:local:000000000000:userpool/${id}`,
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      Policies: { PasswordPolicy: PASSWORD_POLICY },
      MfaConfiguration: 'OFF',
      CreationDate: now,
      LastModifiedDate: now,
    });
  }
  const userPoolId = options.Id as string;
  const pool = await cognito.getUserPool(CTX, userPoolId);
  let client = (await cognito.listAppClients(CTX, userPoolId))[0];
  if (!client) {
    client = {
      ClientId: randomId(26, 'abcdefghijklmnopqrstuvwxyz0123456789'),
      ClientName: `${poolName}-web`,
      UserPoolId: userPoolId,
      CreationDate: now,
      LastModifiedDate: now,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    };
    await pool.saveAppClient(CTX, client);
  }
  return { pool, userPoolId, clientId: client.ClientId };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startLocalCognito(opts: LocalCognitoOptions): Promise<LocalCognito> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const dbDir = join(opts.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });

  const keys = await loadOrCreateKeys(opts.dataDir);
  const clock = new DateClock();
  const stores = new StormDBDataStoreFactory(dbDir);
  const cognito = await new CognitoServiceFactoryImpl(
    dbDir,
    stores,
    new UserPoolServiceFactoryImpl(clock, stores),
  ).create(CTX, { UsernameAttributes: ['email'] });
  const { pool, userPoolId, clientId } = await poolAndClient(cognito, opts.poolName ?? 'huddle-local');

  // The port is only known once listening, and the issuer contains it.
  const server = createServer();
  const port = await listen(server, opts.port, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const issuer = `${url}/${userPoolId}`;
  const tokens = new LocalTokens(keys, issuer);
  const config = {
    LambdaClient: {},
    TriggerFunctions: {},
    UserPoolDefaults: { UsernameAttributes: ['email'] },
    TokenConfig: { IssuerDomain: url },
    KMSConfig: {},
    ServerConfig: { port, hostname: host, development: false, https: false },
  } as unknown as Config;
  const services = buildServices({ cognito, hooks: opts.hooks, mailbox: opts.mailbox, log, tokens, config });
  const router = Router(services);

  const env: OpEnv = {
    services,
    tokens,
    keys,
    poolName: userPoolId.split('_')[1] ?? '',
    delegate: (op, req) => router(op)(CTX, req),
    async client(id) {
      const client = typeof id === 'string' && id ? await cognito.getAppClient(CTX, id) : null;
      if (!client) throw cognitoError('ResourceNotFoundException', `User pool client ${String(id)} does not exist.`);
      return { pool: await cognito.getUserPoolForClientId(CTX, client.ClientId), client };
    },
    authenticate: (token) => authenticate(cognito, tokens, token),
  };
  const dispatch = createDispatch(env, router);
  const localKey = newLocalKey();
  server.on(
    'request',
    createHandler({
      dispatch,
      userPoolId,
      issuer,
      jwk: keys.jwk,
      mailbox: opts.mailbox,
      log,
      allowedOrigins: opts.allowedOrigins ?? [],
      localKey,
    }),
  );

  return {
    url,
    region: 'local',
    userPoolId,
    userPoolClientId: clientId,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    localKey,
    admin: (op, body) => dispatch(op, body, { admin: true }),
    ensureUser: (u) => ensureUser(pool, opts.hooks, u),
    getUserBySub: (sub) => getUser(pool, sub),
    addToGroup: (sub, group) => addToGroup(pool, sub, group),
    removeFromGroup: (sub, group) => removeFromGroup(pool, sub, group),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
