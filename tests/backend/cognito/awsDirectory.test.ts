// The AWS side of ending sessions, run against the local Cognito with the real AWS SDK: the
// resolver Lambda's user directory (ListUsers, AdminUserGlobalSignOut) and the post-confirmation
// trigger, which ends every session after a password reset.
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  AdminGetUserCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoSdkSend, cognitoUserDirectory } from '../../../backend/src/aws/cognitoDirectory.js';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { ensureProfile } from '../../../backend/src/profiles/ensureProfile.js';
import { createPostConfirmationHandler } from '../../../backend/src/triggers/postConfirmation.js';
import { openTestDatabase } from '../api/harness.js';
import { PASSWORD, registerWithAmplify, startHarness, type Harness } from './helpers.js';

let h: Harness;
let database: DatabaseHandle;
let sub: string;
beforeAll(async () => {
  h = await startHarness();
  database = await openTestDatabase();
  await registerWithAmplify(h, 'nina@ulb.be', 'Nina');
  sub = h.postConfirmationCalls.at(-1)!.sub;
  await ensureProfile(database.db, { sub, email: 'nina@ulb.be', name: 'Nina', groups: [] });
});
afterAll(async () => {
  await h.stop();
  await database.close();
});

/** A sign-in on some device, as the SDK makes it. */
async function session() {
  const r = await h.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: h.cognito.userPoolClientId,
      AuthParameters: { USERNAME: 'nina@ulb.be', PASSWORD },
    }),
  );
  return r.AuthenticationResult!.RefreshToken!;
}
const renew = (RefreshToken: string) =>
  h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.cognito.userPoolClientId, RefreshToken }));

test('the directory reads a user by sub and revokes every refresh token of the user', async () => {
  const directory = cognitoUserDirectory(h.cognito.userPoolId, cognitoSdkSend(h.admin));
  await expect(directory.findBySub(sub)).resolves.toEqual({ sub, email: 'nina@ulb.be', name: 'Nina', groups: [] });
  await expect(directory.findBySub('no-such-sub')).resolves.toBeNull();

  const refreshToken = await session();
  await directory.signOutEverywhere(sub);
  await expect(renew(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
});

test('without IAM rights (no local key) the directory cannot end anyone’s sessions', async () => {
  const directory = cognitoUserDirectory(h.cognito.userPoolId, cognitoSdkSend(h.sdk));
  await expect(directory.signOutEverywhere(sub)).rejects.toMatchObject({ name: 'AccessDeniedException' });
});

test('the post-confirmation trigger ends every session after a password reset, and only then', async () => {
  const refreshToken = await session();
  const trigger = createPostConfirmationHandler(cognitoSdkSend(h.admin), async () => database.db);
  const event = (
    triggerSource: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword',
  ): PostConfirmationTriggerEvent => ({
    version: '1',
    region: 'local',
    callerContext: { awsSdkVersion: 'local', clientId: h.cognito.userPoolClientId },
    triggerSource,
    userPoolId: h.cognito.userPoolId,
    userName: sub,
    request: { userAttributes: { sub, email: 'nina@ulb.be' } },
    response: {},
  });

  await trigger(event('PostConfirmation_ConfirmSignUp'));
  await expect(renew(refreshToken)).resolves.toBeTruthy();
  const before = await database.db
    .selectFrom('profiles')
    .select('tokens_valid_after')
    .where('id', '=', sub)
    .executeTakeFirstOrThrow();
  expect(before.tokens_valid_after).toBeNull();

  await trigger(event('PostConfirmation_ConfirmForgotPassword'));
  await expect(renew(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  const after = await database.db.selectFrom('profiles').selectAll().where('id', '=', sub).executeTakeFirstOrThrow();
  expect(after.tokens_valid_after).toBeInstanceOf(Date);
  expect(after.tokens_kept_session).toBeNull();
  // The account itself is untouched.
  const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: h.cognito.userPoolId, Username: sub }));
  expect(user.UserStatus).toBe('CONFIRMED');
});
