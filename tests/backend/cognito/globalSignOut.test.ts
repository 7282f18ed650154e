// GlobalSignOut (signOut({ global: true })) and RevokeToken (signOut()): ended sessions stay ended.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import {
  ChangePasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { PASSWORD, registerWithAmplify, startHarness, storedRefreshToken, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'hank@uni.test');
});
afterAll(async () => {
  await h.stop();
});

const refresh = (RefreshToken: string) =>
  h.sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.cognito.userPoolClientId, RefreshToken }));

/** A second, independent session (another device) via the AWS SDK. */
async function otherDevice() {
  const r = await h.sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: h.cognito.userPoolClientId,
      AuthParameters: { USERNAME: 'hank@uni.test', PASSWORD },
    }),
  );
  return r.AuthenticationResult!;
}

test('global sign-out ends every session: refresh tokens refused, old access tokens revoked', async () => {
  await signIn({ username: 'hank@uni.test', password: PASSWORD });
  const access = (await fetchAuthSession()).tokens!.accessToken.toString();
  const refreshToken = storedRefreshToken(h.storage);
  const other = await otherDevice();

  await signOut({ global: true });

  await expect(refresh(refreshToken)).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Refresh Token has been revoked',
  });
  await expect(refresh(other.RefreshToken!)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  for (const token of [access, other.AccessToken!]) {
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: token }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  }
  await expect(
    h.sdk.send(
      new ChangePasswordCommand({ AccessToken: access, PreviousPassword: PASSWORD, ProposedPassword: 'Hijacked123' }),
    ),
  ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });

  // Signing in again starts a fresh, working session.
  await signIn({ username: 'hank@uni.test', password: PASSWORD });
  const fresh = (await fetchAuthSession()).tokens!.accessToken.toString();
  await expect(h.sdk.send(new GetUserCommand({ AccessToken: fresh }))).resolves.toBeTruthy();
  await signOut();
});

test('plain sign-out revokes only that session', async () => {
  const other = await otherDevice();
  await signIn({ username: 'hank@uni.test', password: PASSWORD });
  const access = (await fetchAuthSession()).tokens!.accessToken.toString();
  const refreshToken = storedRefreshToken(h.storage);

  await signOut();

  await expect(refresh(refreshToken)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(h.sdk.send(new GetUserCommand({ AccessToken: access }))).rejects.toMatchObject({
    message: 'Access Token has been revoked',
  });
  await expect(refresh(other.RefreshToken!)).resolves.toBeTruthy();
  await expect(h.sdk.send(new GetUserCommand({ AccessToken: other.AccessToken! }))).resolves.toBeTruthy();
});

test('forged and malformed access tokens are refused (cognito-local alone only decodes them)', async () => {
  const { AccessToken } = await otherDevice();
  const claims = decodeJwt(AccessToken!);
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'x' }).sign(privateKey);
  for (const token of [forged, 'not-a-jwt']) {
    await expect(h.sdk.send(new GetUserCommand({ AccessToken: token }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  }
});
