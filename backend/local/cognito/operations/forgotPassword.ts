/**
 * ForgotPassword: cognito-local mails a reset code to anyone, and its ConfirmForgotPassword then
 * marks the user CONFIRMED — a way round email confirmation. Cognito only resets a password
 * through a verified email, so that is checked here before cognito-local sends the code.
 *
 * The app client prevents user-existence errors (PreventUserExistenceErrors, as infra/auth.ts
 * sets it): an unknown address, or an account that cannot be reset, gets the same answer as a
 * real one — "a code was sent" to the masked address — and nothing is sent.
 */
import { CTX } from '../services.js';
import { simulatedDelivery } from './simulated.js';
import type { Operation } from './types.js';

export const ForgotPassword: Operation = async (env, req) => {
  const { pool } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  const verified = user?.Attributes.some((a) => a.Name === 'email_verified' && a.Value === 'true');
  if (!user || !user.Enabled || user.UserStatus === 'UNCONFIRMED' || !verified) return simulatedDelivery(req.Username);
  return env.delegate('ForgotPassword', req);
};
