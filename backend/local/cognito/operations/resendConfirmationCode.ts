/** ResendConfirmationCode (Amplify's resendSignUpCode; cognito-local lacks it): a new code to the mailbox. */
import { NO_SUCH_USER, cognitoError } from '../errors.js';
import { CTX } from '../services.js';
import type { Operation } from './types.js';

export const ResendConfirmationCode: Operation = async (env, req) => {
  const { pool, client } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  if (!user) throw NO_SUCH_USER();
  if (user.UserStatus !== 'UNCONFIRMED') throw cognitoError('InvalidParameterException', 'User is already confirmed.');
  const email = user.Attributes.find((a) => a.Name === 'email')?.Value;
  if (!email)
    throw cognitoError('InvalidParameterException', 'User has no attribute matching desired auto verified attributes');
  const details = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email } as const;
  const code = env.services.otp();
  await env.services.messages.deliver(
    CTX,
    'ResendCode',
    client.ClientId,
    pool.options.Id ?? '',
    user,
    code,
    req.ClientMetadata,
    details,
  );
  // The new code replaces the old one, as on AWS.
  await pool.saveUser(CTX, { ...user, ConfirmationCode: code, UserLastModifiedDate: new Date() });
  return { CodeDeliveryDetails: details };
};
