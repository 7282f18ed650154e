/**
 * GetTokensFromRefreshToken — how Amplify v6 refreshes (cognito-local lacks it); InitiateAuth
 * REFRESH_TOKEN_AUTH shares the logic. A refresh token works while it is in the user's stored
 * list: RevokeToken and GlobalSignOut take it out, as on AWS. No rotation: the answer has no new
 * refresh token, and Amplify keeps the one it has.
 */
import { cognitoError } from '../errors.js';
import { ACCESS_TOKEN_SECONDS } from '../tokens.js';
import type { OpEnv, Operation } from './types.js';
import { CTX } from '../services.js';

export async function refreshSession(env: OpEnv, clientId: unknown, refreshToken: unknown) {
  if (!refreshToken) throw cognitoError('InvalidParameterException', 'Missing required parameter REFRESH_TOKEN');
  const { pool, client } = await env.client(clientId);
  const claims = await env.tokens.verify(refreshToken, 'refresh');
  if (claims.client_id !== client.ClientId) throw cognitoError('NotAuthorizedException', 'Invalid Refresh Token');
  const user = await pool.getUserByRefreshToken(CTX, refreshToken as string);
  if (!user) throw cognitoError('NotAuthorizedException', 'Refresh Token has been revoked');
  if (!user.Enabled) throw cognitoError('NotAuthorizedException', 'User is disabled.');
  const groups = await pool.listUserGroupMembership(CTX, user);
  const tokens = await env.tokens.issue(user, groups, client.ClientId, {
    originJti: String(claims.jti),
    authTime: Number(claims.auth_time),
  });
  return {
    AuthenticationResult: {
      AccessToken: tokens.AccessToken,
      IdToken: tokens.IdToken,
      ExpiresIn: ACCESS_TOKEN_SECONDS,
      TokenType: 'Bearer',
    },
    ChallengeParameters: {},
  };
}

export const GetTokensFromRefreshToken: Operation = (env, req) => refreshSession(env, req.ClientId, req.RefreshToken);
