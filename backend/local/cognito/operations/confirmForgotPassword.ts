/**
 * ConfirmForgotPassword: only a user who was sent a reset code (a confirmed account with a
 * verified email, see forgotPassword.ts) may use one. cognito-local alone compares the code with
 * whatever code the user holds, so an unconfirmed user's sign-up code would "reset" the password
 * and confirm the account without the PostConfirmation hook, and a user with no code at all would
 * match a request without one. Every refusal reads the same, known account or not.
 */
import { CTX } from '../services.js';
import { CODE_MISMATCH, requireCode } from './simulated.js';
import type { Operation } from './types.js';

export const ConfirmForgotPassword: Operation = async (env, req) => {
  requireCode(req.ConfirmationCode);
  const { pool } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user || user.UserStatus === 'UNCONFIRMED' || !user.ConfirmationCode) throw CODE_MISMATCH();
  if (user.ConfirmationCode !== req.ConfirmationCode) throw CODE_MISMATCH();
  return env.delegate('ConfirmForgotPassword', req);
};
