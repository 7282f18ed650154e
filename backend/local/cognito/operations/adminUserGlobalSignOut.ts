/**
 * AdminUserGlobalSignOut (cognito-local lacks it): what the server calls to end every session of a
 * user — "sign out of all devices" and a password reset — as GlobalSignOut does for the user's own
 * token. Admin-only: the dispatcher lets it through only with the local key.
 */
import { cognitoError } from '../errors.js';
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const AdminUserGlobalSignOut: Operation = async (env, req) => {
  if (typeof req.UserPoolId !== 'string' || !req.UserPoolId)
    throw cognitoError('InvalidParameterException', 'Missing required parameter UserPoolId');
  if (typeof req.Username !== 'string' || !req.Username)
    throw cognitoError('InvalidParameterException', 'Missing required parameter Username');
  const pool = await env.services.cognito.getUserPool(CTX, req.UserPoolId);
  const user = await pool.getUserByUsername(CTX, req.Username);
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
  await pool.saveUser(CTX, { ...user, RefreshTokens: [], UserLastModifiedDate: new Date() });
  return {};
};
