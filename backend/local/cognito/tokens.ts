/**
 * Tokens shaped like Cognito's, signed with the per-install key (see keys.ts). Implements
 * cognito-local's TokenGenerator, so its own flows (USER_PASSWORD_AUTH, NEW_PASSWORD_REQUIRED,
 * AdminInitiateAuth) issue the same tokens as the SRP and refresh operations added here.
 *
 * Sessions: every sign-in makes a refresh token whose jti is the session id; access and ID tokens
 * carry it as `origin_jti`, as Cognito's do. The user's stored RefreshTokens list is the set of
 * live sessions, so RevokeToken/GlobalSignOut (which remove refresh tokens) also revoke the
 * access tokens issued from them — Cognito's behaviour for its token-taking operations.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { TokenGenerator, Tokens } from 'cognito-local/lib/services/tokenGenerator.js';
import type { User } from 'cognito-local/lib/services/userPoolService.js';
import { ACCESS_TOKEN_MINUTES } from '../../src/tokenLifetime.js';
import type { PoolKeys } from './keys.js';
import { cognitoError } from './errors.js';

/** The production app client's lifetimes (infra/auth.ts). */
export const ACCESS_TOKEN_SECONDS = ACCESS_TOKEN_MINUTES * 60;
const ID_TOKEN_SECONDS = ACCESS_TOKEN_MINUTES * 60;
const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

const attr = (user: User, name: string) => user.Attributes.find((a) => a.Name === name)?.Value;

export class LocalTokens implements TokenGenerator {
  constructor(
    private readonly keys: PoolKeys,
    readonly issuer: string,
  ) {}

  private sign(claims: JWTPayload, seconds: number, now: number) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.keys.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + seconds)
      .sign(this.keys.privateKey);
  }

  /** cognito-local's entry point: a new sign-in, hence a new session. */
  async generate(_ctx: unknown, user: User, groups: readonly string[], client: AppClient): Promise<Tokens> {
    return this.issue(user, groups, client.ClientId, undefined);
  }

  /** `session` given: a refresh within that session (no new refresh token, as Cognito without rotation). */
  async issue(
    user: User,
    groups: readonly string[],
    clientId: string,
    session: { originJti: string; authTime: number } | undefined,
  ): Promise<Tokens> {
    const now = Math.floor(Date.now() / 1000);
    const originJti = session?.originJti ?? randomUUID();
    const authTime = session?.authTime ?? now;
    const sub = attr(user, 'sub');
    const eventId = randomUUID();
    const groupClaim = groups.length ? { 'cognito:groups': [...groups] } : {};
    const AccessToken = await this.sign(
      {
        sub,
        ...groupClaim,
        client_id: clientId,
        origin_jti: originJti,
        event_id: eventId,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        auth_time: authTime,
        jti: randomUUID(),
        username: user.Username,
      },
      ACCESS_TOKEN_SECONDS,
      now,
    );
    // The ID token carries the user's attributes (Cognito: all readable ones), booleans as booleans.
    const attributes: Record<string, unknown> = {};
    for (const { Name, Value } of user.Attributes) {
      if (Name === 'sub' || Value === undefined) continue;
      attributes[Name] = Name.endsWith('_verified') ? Value === 'true' : Value;
    }
    const IdToken = await this.sign(
      {
        sub,
        ...groupClaim,
        ...attributes,
        aud: clientId,
        'cognito:username': user.Username,
        origin_jti: originJti,
        event_id: eventId,
        token_use: 'id',
        auth_time: authTime,
        jti: randomUUID(),
      },
      ID_TOKEN_SECONDS,
      now,
    );
    const RefreshToken = session
      ? ''
      : await this.sign(
          {
            sub,
            client_id: clientId,
            jti: originJti,
            token_use: 'refresh',
            auth_time: authTime,
            username: user.Username,
          },
          REFRESH_TOKEN_SECONDS,
          now,
        );
    return { AccessToken, IdToken, RefreshToken };
  }

  /** Checks signature, issuer, expiry and token_use; returns the claims. */
  async verify(token: unknown, use: 'access' | 'refresh'): Promise<JWTPayload> {
    const what = use === 'access' ? 'Access Token' : 'Refresh Token';
    if (typeof token !== 'string' || !token) throw cognitoError('NotAuthorizedException', `Invalid ${what}`);
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, { issuer: this.issuer, algorithms: ['RS256'] });
      if (payload.token_use !== use) throw cognitoError('NotAuthorizedException', `Invalid ${what}`);
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw cognitoError('NotAuthorizedException', `${what} has expired`);
      if (err instanceof joseErrors.JOSEError) throw cognitoError('NotAuthorizedException', `Invalid ${what}`);
      throw err;
    }
  }
}

/** Session ids still alive for this user: the jti of each stored refresh token. */
export function liveSessions(user: User): Set<string> {
  const ids = new Set<string>();
  for (const token of user.RefreshTokens ?? []) {
    try {
      const { jti } = decodeJwt(token);
      if (jti) ids.add(jti);
    } catch {
      // not one of ours (e.g. an old cognito-local token): it cannot back any session
    }
  }
  return ids;
}
