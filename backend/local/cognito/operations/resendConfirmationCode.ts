/**
 * ResendConfirmationCode (Amplify's resendSignUpCode; cognito-local lacks it): a new code to the
 * mailbox. An unknown or already confirmed account gets the same answer with nothing sent
 * (PreventUserExistenceErrors).
 */
import { CTX } from '../services.js';
import { simulatedDelivery } from './simulated.js';
import type { Operation } from './types.js';

export const ResendConfirmationCode: Operation = async (env, req) => {
  const { pool, client } = await env.client(req.ClientId);
  const user = req.Username ? await pool.getUserByUsername(CTX, String(req.Username)) : null;
  const email = user?.Attributes.find((a) => a.Name === 'email')?.Value;
  if (!user || user.UserStatus !== 'UNCONFIRMED' || !email) return simulatedDelivery(req.Username);
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
