// Seeding (ensureUser/getUserBySub) and restarts on the same data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import { Mailbox } from '../../../backend/local/mailbox.js';
import { startLocalCognito, type LocalCognito } from '../../../backend/local/cognito/index.js';
import { hooks, type Harness } from './helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-cognito-restart-'));
const calls: Pick<Harness, 'preSignUpCalls' | 'postConfirmationCalls'> = {
  preSignUpCalls: [],
  postConfirmationCalls: [],
};
const open: LocalCognito[] = [];
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const t0 = performance.now();
  const cognito = await startLocalCognito({
    dataDir,
    port: 0,
    mailbox: new Mailbox(join(dataDir, 'mailbox.json')),
    hooks: hooks(calls),
  });
  const ms = performance.now() - t0;
  open.push(cognito);
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: cognito.userPoolId,
        userPoolClientId: cognito.userPoolClientId,
        userPoolEndpoint: cognito.url,
      },
    },
  });
  return { cognito, ms };
}

async function stop(c: LocalCognito) {
  await c.close();
  open.splice(open.indexOf(c), 1);
}

test('ensureUser seeds a confirmed user in groups, runs the hook, is idempotent; restarts keep everything', async () => {
  const first = await start();
  console.log(`startLocalCognito, new data folder: ${first.ms.toFixed(0)} ms`);
  const seed = { email: 'Staff@Uni.test', password: 'Seeded123', name: 'Sam Staff', groups: ['staff'] };
  const sub = await first.cognito.ensureUser(seed);
  expect(calls.postConfirmationCalls.at(-1)).toMatchObject({
    sub,
    email: 'staff@uni.test',
    groups: ['staff'],
    attributes: { name: 'Sam Staff', email_verified: 'true' },
  });
  expect(await first.cognito.ensureUser({ ...seed, groups: ['staff', 'admins'] })).toBe(sub);
  expect(await first.cognito.getUserBySub(sub)).toEqual({
    sub,
    email: 'staff@uni.test',
    groups: ['admins', 'staff'],
    attributes: { sub, email: 'staff@uni.test', email_verified: 'true', name: 'Sam Staff' },
  });
  expect(await first.cognito.getUserBySub('00000000-0000-0000-0000-000000000000')).toBeNull();
  await expect(first.cognito.ensureUser({ email: 'weak@uni.test', password: 'weak', name: 'W' })).rejects.toThrow(
    /Password did not conform/,
  );

  await signIn({ username: 'staff@uni.test', password: 'Seeded123' });
  expect((await fetchAuthSession()).tokens!.accessToken.payload['cognito:groups']).toEqual(['admins', 'staff']);
  await signOut();
  await stop(first.cognito);

  const timings: number[] = [];
  let again = await start();
  timings.push(again.ms);
  for (let i = 0; i < 3; i++) {
    await stop(again.cognito);
    again = await start();
    timings.push(again.ms);
  }
  console.log(`startLocalCognito, existing data folder: ${timings.map((t) => t.toFixed(0)).join(', ')} ms`);
  expect(Math.max(...timings)).toBeLessThan(1000);
  expect(again.cognito.userPoolId).toBe(first.cognito.userPoolId);
  expect(again.cognito.userPoolClientId).toBe(first.cognito.userPoolClientId);
  expect(again.cognito.userPoolId).toMatch(/^local_[A-Za-z0-9]+$/);
  expect(await again.cognito.getUserBySub(sub)).toMatchObject({ email: 'staff@uni.test', groups: ['admins', 'staff'] });

  // The same signing key: tokens keep their kid, and the seeded password still signs in (SRP via Amplify).
  expect((await signIn({ username: 'STAFF@uni.test', password: 'Seeded123' })).isSignedIn).toBe(true);
  const token = (await fetchAuthSession()).tokens!.accessToken.toString();
  await signOut();
  const sdk = new CognitoIdentityProviderClient({
    endpoint: again.cognito.url,
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const viaSdk = await sdk.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: again.cognito.userPoolClientId,
      AuthParameters: { USERNAME: 'staff@uni.test', PASSWORD: 'Seeded123' },
    }),
  );
  sdk.destroy();
  expect(decodeJwt(viaSdk.AuthenticationResult!.AccessToken!).sub).toBe(decodeJwt(token).sub);
});
