/**
 * GlobalSignOut (Amplify's signOut({ global: true }); cognito-local lacks it): ends every session
 * of the user. Dropping all stored refresh tokens makes them unusable and, through origin_jti
 * (see tokens.ts), makes Cognito's own operations refuse the access tokens issued before.
 */
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const GlobalSignOut: Operation = async (env, req) => {
  const { pool, user } = await env.authenticate(req.AccessToken);
  await pool.saveUser(CTX, { ...user, RefreshTokens: [], UserLastModifiedDate: new Date() });
  return {};
};
