/**
 * ConfirmSignUp, replacing cognito-local's to behave like Cognito: confirming with the mailed code
 * proves the email, so email_verified becomes true (cognito-local leaves it false, which would
 * stop password resets); errors use AWS wording; then the PostConfirmation hook runs (through the
 * triggers in services.ts). As on AWS the user stays confirmed when that hook fails.
 * Whether the account is unknown, already confirmed or the code is wrong, the answer is the same
 * (PreventUserExistenceErrors).
 */
import { CTX } from '../services.js';
import { CODE_MISMATCH, requireCode } from './simulated.js';
import type { Operation } from './types.js';

export const ConfirmSignUp: Operation = async (env, req) => {
  requireCode(req.ConfirmationCode);
  const { pool, client } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user || user.UserStatus !== 'UNCONFIRMED' || !user.ConfirmationCode) throw CODE_MISMATCH();
  if (user.ConfirmationCode !== req.ConfirmationCode) throw CODE_MISMATCH();
  const confirmed = {
    ...user,
    UserStatus: 'CONFIRMED',
    ConfirmationCode: undefined,
    Attributes: [
      ...user.Attributes.filter((a) => a.Name !== 'email_verified'),
      { Name: 'email_verified', Value: 'true' },
    ],
    UserLastModifiedDate: new Date(),
  };
  await pool.saveUser(CTX, confirmed);
  await env.services.triggers.postConfirmation(CTX, {
    clientId: client.ClientId,
    clientMetadata: req.ClientMetadata,
    source: 'PostConfirmation_ConfirmSignUp',
    username: confirmed.Username,
    userPoolId: pool.options.Id ?? '',
    userAttributes: confirmed.Attributes,
  });
  return {};
};
