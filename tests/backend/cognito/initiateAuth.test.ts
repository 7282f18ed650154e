// InitiateAuth USER_SRP_AUTH + RespondToAuthChallenge PASSWORD_VERIFIER (Amplify's default sign-in),
// GetTokensFromRefreshToken (Amplify's refresh) and GetUser (fetchUserAttributes).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fetchAuthSession, fetchUserAttributes, signIn, signOut, signUp } from 'aws-amplify/auth';
import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { PASSWORD, registerWithAmplify, startHarness, storedRefreshToken, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'dora@uni.test', 'Dora Explorer');
});
afterAll(async () => {
  await h.stop();
});
afterEach(async () => {
  await signOut();
});

describe('sign-in', () => {
  test('SRP sign-in gives Cognito-shaped tokens that verify against the JWKS', async () => {
    const result = await signIn({ username: 'dora@uni.test', password: PASSWORD });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const { tokens } = await fetchAuthSession();
    const access = tokens!.accessToken.toString();
    const jwks = createRemoteJWKSet(new URL(h.cognito.jwksUrl));
    const { payload } = await jwtVerify(access, jwks, { issuer: h.cognito.issuer });
    expect(payload).toMatchObject({
      token_use: 'access',
      client_id: h.cognito.userPoolClientId,
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(payload).not.toHaveProperty('email');
    const id = await jwtVerify(tokens!.idToken!.toString(), jwks, {
      issuer: h.cognito.issuer,
      audience: h.cognito.userPoolClientId,
    });
    expect(id.payload).toMatchObject({
      token_use: 'id',
      email: 'dora@uni.test',
      email_verified: true,
      name: 'Dora Explorer',
      sub: payload.sub,
    });
    expect(h.cognito.issuer).toBe(`${h.cognito.url}/${h.cognito.userPoolId}`);
  });

  test('fetchUserAttributes (GetUser) returns the attributes', async () => {
    await signIn({ username: 'dora@uni.test', password: PASSWORD });
    expect(await fetchUserAttributes()).toMatchObject({
      email: 'dora@uni.test',
      email_verified: 'true',
      name: 'Dora Explorer',
    });
  });

  test('a wrong password and an unknown user get the same NotAuthorizedException', async () => {
    for (const username of ['dora@uni.test', 'nobody@uni.test']) {
      await expect(signIn({ username, password: 'Wrong1234' })).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      });
    }
  });

  test('an unconfirmed user with the right password is sent to confirm the sign-up', async () => {
    await signUp({
      username: 'new@uni.test',
      password: PASSWORD,
      options: { userAttributes: { email: 'new@uni.test', name: 'N' } },
    });
    const result = await signIn({ username: 'new@uni.test', password: PASSWORD });
    expect(result).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });
  });

  test('fetchAuthSession({forceRefresh}) refreshes through GetTokensFromRefreshToken', async () => {
    await signIn({ username: 'dora@uni.test', password: PASSWORD });
    const before = (await fetchAuthSession()).tokens!.accessToken;
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens!.accessToken;
    expect(after.toString()).not.toBe(before.toString());
    // Same session: same origin_jti, same auth_time; the new token works on Cognito's own operations.
    expect(after.payload.origin_jti).toBe(before.payload.origin_jti);
    expect(after.payload.auth_time).toBe(before.payload.auth_time);
    const user = await h.sdk.send(new GetUserCommand({ AccessToken: after.toString() }));
    expect(user.UserAttributes).toContainEqual({ Name: 'email', Value: 'dora@uni.test' });
    // The refresh token is not rotated, as with Cognito's default client settings.
    const refreshed = await h.sdk.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: h.cognito.userPoolClientId,
        RefreshToken: storedRefreshToken(h.storage),
      }),
    );
    expect(refreshed.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 900 });
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
  });

  test('cognito-local flows kept: USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH via the AWS SDK', async () => {
    const auth = await h.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: h.cognito.userPoolClientId,
        AuthParameters: { USERNAME: 'DORA@uni.test', PASSWORD },
      }),
    );
    const refreshToken = auth.AuthenticationResult!.RefreshToken!;
    const refreshed = await h.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: h.cognito.userPoolClientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );
    await expect(
      h.sdk.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken })),
    ).resolves.toMatchObject({ Username: expect.any(String) });
    await expect(
      h.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: h.cognito.userPoolClientId,
          AuthParameters: { USERNAME: 'dora@uni.test', PASSWORD: 'Wrong1234' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
