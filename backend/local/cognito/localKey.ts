/**
 * Cognito's admin and list operations (AdminAddUserToGroup, AdminSetUserPassword, ListUsers…) are
 * IAM-signed in AWS: no browser and no signed-in user can call them. The local Cognito has no IAM,
 * so it asks for a key instead: a random secret made at every start, held by the cloud's own code
 * (in-process callers use `LocalCognito.admin`) and handed to tests and scripts that start the
 * cloud themselves. A request without it may call only what an app client may call in AWS.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** The header that carries the key. */
export const LOCAL_KEY_HEADER = 'x-huddle-local-key';

/**
 * What an app client may call without IAM credentials in AWS: unauthenticated operations and
 * those authorized by the user's own access token. Everything else needs the local key.
 */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set([
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'ForgotPassword',
  'ConfirmForgotPassword',
  'InitiateAuth',
  'RespondToAuthChallenge',
  'GetTokensFromRefreshToken',
  'RevokeToken',
  'GlobalSignOut',
  'ChangePassword',
  'GetUser',
  'UpdateUserAttributes',
  'DeleteUser',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'SetUserMFAPreference',
  'SetUserSettings',
  'AssociateSoftwareToken',
  'VerifySoftwareToken',
  'ListDevices',
  'GetDevice',
  'ForgetDevice',
  'ConfirmDevice',
  'UpdateDeviceStatus',
]);

export const newLocalKey = (): string => randomBytes(32).toString('base64url');

/** Whether `presented` (a header value) is the key, compared in constant time. */
export function isLocalKey(key: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Makes an AWS SDK v3 client send the key with every request (tests and scripts that call admin
 * operations on a local Cognito they started).
 */
export function withLocalKey<C extends CognitoIdentityProviderClient>(client: C, key: string): C {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers[LOCAL_KEY_HEADER] = key;
      return next(args);
    },
    { step: 'build', name: 'huddleLocalKey' },
  );
  return client;
}
