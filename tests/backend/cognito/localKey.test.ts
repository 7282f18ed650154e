// The local Cognito's admin and list operations (IAM-only in AWS) need the key the cloud's own code
// holds, and no web page but the app may call it: any page a developer visits runs on the same
// machine, and these calls would make anyone staff, set passwords or list every account.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_KEY_HEADER, withLocalKey } from '../../../backend/local/cognito/localKey.js';
import { APP_ORIGIN, PASSWORD, registerWithAmplify, startHarness, type Harness } from './helpers.js';
import { postOperation } from '../support/cognitoWire.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'max@uni.test');
});
afterAll(async () => {
  await h.stop();
});

describe('admin and list operations', () => {
  const pool = () => h.cognito.userPoolId;
  const commands = () => [
    new AdminAddUserToGroupCommand({ UserPoolId: pool(), Username: 'max@uni.test', GroupName: 'staff' }),
    new AdminSetUserPasswordCommand({
      UserPoolId: pool(),
      Username: 'max@uni.test',
      Password: 'Taken1234',
      Permanent: true,
    }),
    new ListUsersCommand({ UserPoolId: pool() }),
    new AdminGetUserCommand({ UserPoolId: pool(), Username: 'max@uni.test' }),
    new AdminUserGlobalSignOutCommand({ UserPoolId: pool(), Username: 'max@uni.test' }),
  ];

  test('are refused without the local key, and change nothing', async () => {
    for (const command of commands()) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixed list of commands
      await expect(h.sdk.send(command as any)).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining(LOCAL_KEY_HEADER),
      });
    }
    const wrongKey = withLocalKey(
      new CognitoIdentityProviderClient({
        endpoint: h.cognito.url,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
      'guessed',
    );
    await expect(wrongKey.send(new ListUsersCommand({ UserPoolId: pool() }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    wrongKey.destroy();
    const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool(), Username: 'max@uni.test' }));
    expect(user.UserStatus).toBe('CONFIRMED');
    const groups = await h.cognito.admin('AdminListGroupsForUser', { UserPoolId: pool(), Username: 'max@uni.test' });
    expect(groups).toMatchObject({ Groups: [] });
  });

  test('are answered with the key, which changes at every start', async () => {
    const listed = await h.admin.send(new ListUsersCommand({ UserPoolId: pool() }));
    expect(listed.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toContain('max@uni.test');
    expect(h.cognito.localKey).toMatch(/^[\w-]{40,}$/);
  });

  test('AdminUserGlobalSignOut ends every session of the user', async () => {
    const signedIn = await h.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: h.cognito.userPoolClientId,
        AuthParameters: { USERNAME: 'max@uni.test', PASSWORD },
      }),
    );
    await h.admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool(), Username: 'max@uni.test' }));
    await expect(
      h.sdk.send(
        new GetTokensFromRefreshTokenCommand({
          ClientId: h.cognito.userPoolClientId,
          RefreshToken: signedIn.AuthenticationResult!.RefreshToken!,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });
});

describe('browsers', () => {
  test('another origin is refused outright: no CORS grant, no operation run', async () => {
    const preflight = await fetch(h.cognito.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const before = h.mailbox.list('max@uni.test').length;
    const res = await postOperation(h.cognito.url,
      'ForgotPassword',
      { ClientId: h.cognito.userPoolClientId, Username: 'max@uni.test' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(h.mailbox.list('max@uni.test')).toHaveLength(before);
  });

  test('the app’s origin is named, never `*`', async () => {
    const res = await postOperation(h.cognito.url, 'GetUser', { AccessToken: 'x' }, { origin: APP_ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('vary')).toContain('Origin');
  });
});
