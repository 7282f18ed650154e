/**
 * Cognito user-pool authorization as AppSync does it: the raw access token (no "Bearer") is
 * verified against the pool's JWKS, expiry, issuer, token_use and the app client allow-list.
 * Field rules (@aws_cognito_user_pools groups / @aws_iam) are checked per field in execute.ts.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { CognitoIdentity, IamIdentity } from '../../src/event.js';
import { Lru } from './lru.js';
import type { AuthRule } from './schema.js';

export type Caller =
  { kind: 'userPool'; identity: CognitoIdentity; exp: number } | { kind: 'iam'; identity: IamIdentity };

export interface AuthConfig {
  issuer: string;
  jwksUrl: string;
  userPoolClientIds: string[];
  /** fully verified tokens remembered until they expire (default 1000) */
  tokenCacheSize?: number;
}

/** What the client sees when the token is refused (HTTP 401 / realtime errors). */
export class UnauthorizedException extends Error {
  override readonly name = 'UnauthorizedException';
}

// Wordings seen from AppSync: no/invalid token, unparsable token, expired token.
export const NO_VALID_HEADER = 'Valid authorization header not provided.';
const UNPARSABLE = 'Unable to parse JWT token.';
const EXPIRED = 'Token has expired.';

/** What a verified token says; the per-request parts (source IP) are added on each use. */
interface Verified {
  exp: number;
  sub: string;
  username: string;
  claims: JWTPayload;
  groups: string[] | null;
}

/** jose's own expiry rule: expired once `exp <= now` in whole seconds (no clock tolerance). */
const expired = (exp: number) => exp <= Math.floor(Date.now() / 1000);

export function createVerifier(cfg: AuthConfig) {
  const jwks = createRemoteJWKSet(new URL(cfg.jwksUrl));
  // A signature check costs far more than the rest of a request, and a client sends the same
  // access token for its whole hour: a token is remembered only once it passed every check below,
  // and only until its exp. Forged, foreign or malformed tokens are never remembered.
  const verified = new Lru<string, Verified>(cfg.tokenCacheSize ?? 1000);

  function callerFrom(v: Verified, sourceIp: string): Caller {
    // Fresh objects per request, as a full verification gives, so no request sees another's changes.
    return {
      kind: 'userPool',
      exp: v.exp,
      identity: {
        sub: v.sub,
        username: v.username,
        issuer: cfg.issuer,
        claims: { ...v.claims } as Record<string, unknown>,
        groups: v.groups ? [...v.groups] : null,
        sourceIp: [sourceIp],
        defaultAuthStrategy: 'ALLOW',
      },
    };
  }

  return async function verify(token: string | undefined, sourceIp: string): Promise<Caller> {
    if (!token) throw new UnauthorizedException(NO_VALID_HEADER);
    const known = verified.get(token);
    if (known) {
      if (!expired(known.exp)) return callerFrom(known, sourceIp);
      verified.delete(token);
      throw new UnauthorizedException(EXPIRED);
    }
    if (token.split('.').length !== 3) throw new UnauthorizedException(UNPARSABLE);
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, { issuer: cfg.issuer, algorithms: ['RS256'] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new UnauthorizedException(EXPIRED);
      if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid)
        throw new UnauthorizedException(UNPARSABLE);
      throw new UnauthorizedException(NO_VALID_HEADER);
    }
    // An ID token (token_use=id, client id in `aud`) is refused: Amplify sends the access token.
    if (claims.token_use !== 'access') throw new UnauthorizedException(NO_VALID_HEADER);
    if (typeof claims.client_id !== 'string' || !cfg.userPoolClientIds.includes(claims.client_id)) {
      throw new UnauthorizedException(NO_VALID_HEADER);
    }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
      throw new UnauthorizedException(NO_VALID_HEADER);
    const groups = claims['cognito:groups'];
    const v: Verified = {
      exp: claims.exp,
      sub: claims.sub,
      username: String(claims.username ?? claims['cognito:username'] ?? claims.sub),
      claims,
      groups: Array.isArray(groups) ? groups.map(String) : null,
    };
    verified.set(token, v);
    return callerFrom(v, sourceIp);
  };
}

/** Tokens can expire while a socket stays open; AppSync re-checks at each `start`. */
export function assertNotExpired(caller: Caller): void {
  if (caller.kind === 'userPool' && caller.exp * 1000 <= Date.now()) throw new UnauthorizedException(EXPIRED);
}

export function iamCaller(sourceIp = '127.0.0.1'): Caller {
  return {
    kind: 'iam',
    identity: {
      accountId: '000000000000',
      userArn: 'arn:aws:iam::000000000000:role/huddle-local',
      sourceIp: [sourceIp],
      username: 'huddle-local',
      // A role's SigV4 call: no Cognito identity pool behind it.
      cognitoIdentityPoolId: '',
      cognitoIdentityId: '',
      cognitoIdentityAuthType: '',
      cognitoIdentityAuthProvider: '',
    },
  };
}

export function allowed(rule: AuthRule, caller: Caller): boolean {
  if (caller.kind === 'iam') return rule.iam;
  if (!rule.userPools) return false;
  return rule.groups === null || (caller.identity.groups ?? []).some((g) => rule.groups!.includes(g));
}
