/**
 * Access-token checks for Cognito's token-taking operations. cognito-local only decodes the
 * token, so a forged, expired or signed-out token would pass; Cognito checks the signature,
 * expiry and token_use, and refuses tokens of ended sessions ("Access Token has been revoked").
 */
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import { cognitoError } from './errors.js';
import { CTX } from './services.js';
import { liveSessions, type LocalTokens } from './tokens.js';

export async function authenticate(cognito: CognitoService, tokens: LocalTokens, accessToken: unknown) {
  const claims = await tokens.verify(accessToken, 'access');
  const pool = await cognito.getUserPoolForClientId(CTX, String(claims.client_id));
  const user = await pool.getUserByUsername(CTX, String(claims.username ?? claims.sub));
  if (!user) throw cognitoError('NotAuthorizedException', 'User does not exist.');
  if (!user.Enabled) throw cognitoError('NotAuthorizedException', 'User is disabled.');
  if (!liveSessions(user).has(String(claims.origin_jti)))
    throw cognitoError('NotAuthorizedException', 'Access Token has been revoked');
  return { pool, user, claims };
}
