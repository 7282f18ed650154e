/**
 * ForgotPassword: cognito-local mails a reset code to anyone, and its ConfirmForgotPassword then
 * marks the user CONFIRMED — a way round email confirmation. Cognito only resets a password
 * through a verified email, so that is checked here before cognito-local sends the code.
 */
import { NO_SUCH_USER, cognitoError } from '../errors.js';
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const ForgotPassword: Operation = async (env, req) => {
  const { pool } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user) throw NO_SUCH_USER();
  const verified = user.Attributes.some((a) => a.Name === 'email_verified' && a.Value === 'true');
  if (user.UserStatus === 'UNCONFIRMED' || !verified) {
    throw cognitoError(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  return env.delegate('ForgotPassword', req);
};
