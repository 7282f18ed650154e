/**
 * ConfirmSignUp, replacing cognito-local's to behave like Cognito: confirming with the mailed code
 * proves the email, so email_verified becomes true (cognito-local leaves it false, which would
 * stop password resets); errors use AWS wording; then the PostConfirmation hook runs (through the
 * triggers in services.ts). As on AWS the user stays confirmed when that hook fails.
 */
import { NO_SUCH_USER, cognitoError } from '../errors.js';
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const ConfirmSignUp: Operation = async (env, req) => {
  const { pool, client } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user) throw NO_SUCH_USER();
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw cognitoError('NotAuthorizedException', `User cannot be confirmed. Current status is ${user.UserStatus}`);
  }
  if (!user.ConfirmationCode || user.ConfirmationCode !== req.ConfirmationCode) {
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');
  }
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
