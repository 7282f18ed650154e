/**
 * ConfirmForgotPassword: cognito-local keeps sign-up and reset codes in one field, so an
 * unconfirmed user's sign-up code would also "reset" the password and confirm the account
 * without the PostConfirmation hook. Only users who could get a reset code may use one.
 */
import { NO_SUCH_USER, cognitoError } from '../errors.js';
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const ConfirmForgotPassword: Operation = async (env, req) => {
  const { pool } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user) throw NO_SUCH_USER();
  if (user.UserStatus === 'UNCONFIRMED') {
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
  return env.delegate('ConfirmForgotPassword', req);
};
