/**
 * Sessions that really end, through the whole local cloud as a browser and a thief would use it:
 * "sign out of all devices" revokes refresh tokens on the server, a refreshed token of an ended
 * session is refused (the cut-off compares auth_time, which a refresh keeps, not iat), a password
 * change or reset ends every other device's session, and an open subscription of an ended session
 * stops receiving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmResetPassword, resetPassword, signIn, signOut, updatePassword } from 'aws-amplify/auth';
import { decodeJwt } from 'jose';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import { signOutOtherDevices } from '../../../src/api/profile.js';
import { connect } from '../appsync/helpers.js';
import { accessTokenOf, runAmplify, runWithToken, startAmplifyCloud } from '../support/amplifyCloud.js';
import { postOperation } from '../support/cognitoWire.js';

let cloud: LocalCloud;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('sessions'));
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

async function cognito(operation: string, body: Record<string, unknown>) {
  const response = await postOperation(cloud.info.cognitoUrl, operation, {
    ClientId: cloud.info.userPoolClientId,
    ...body,
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { ok: response.ok, json, errorType: response.headers.get('x-amzn-errortype') };
}

/** Another device (or a thief's copy of its tokens): a sign-in of its own. */
async function device(email: string, password = DEMO_PASSWORD) {
  const answer = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  const result = answer.json.AuthenticationResult as { AccessToken: string; RefreshToken: string };
  return { access: result.AccessToken, refresh: result.RefreshToken };
}

const refresh = (refreshToken: string) => cognito('GetTokensFromRefreshToken', { RefreshToken: refreshToken });
const me = (token: string) => runWithToken(cloud, token, '{ me { id } }');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign out of all devices', () => {
  it('revokes every refresh token on the server: another device can renew nothing, even if no client signs out', async () => {
    const email = 'pieter.maes@kuleuven.be';
    const other = await device(email);
    expect((await me(other.access)).data?.me).toBeTruthy();

    const here = await device(email);
    const done = await runWithToken(cloud, here.access, 'mutation { signOutEverywhere }');
    expect(done.data).toEqual({ signOutEverywhere: true });
    // No Cognito GlobalSignOut from any client: the server did it.

    const renewed = await refresh(other.refresh);
    expect(renewed).toMatchObject({ ok: false, errorType: 'NotAuthorizedException' });
    expect((await me(other.access)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect((await me(here.access)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });

    // Signing in again right away works: the call returned only once the cut-off's second was over.
    expect((await me((await device(email)).access)).data?.me).toBeTruthy();
  });
});

describe('a password change', () => {
  it('ends every other device’s session — their refreshed tokens too — and keeps this one', async () => {
    const email = 'sarah.desmet@ugent.be';
    const other = await device(email);
    await signIn({ username: email, password: DEMO_PASSWORD });

    // What the account page does (useChangePassword): Cognito changes the password (src/auth's
    // changePassword is Amplify's updatePassword), then the app asks the server.
    await updatePassword({ oldPassword: DEMO_PASSWORD, newPassword: 'Changed-pass-2026' });
    await expect(signOutOtherDevices()).resolves.toBe(true);

    expect((await me(other.access)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    // Cognito has no trigger on ChangePassword, so the other device can still renew its tokens…
    const renewed = await refresh(other.refresh);
    expect(renewed.ok).toBe(true);
    const fresh = (renewed.json.AuthenticationResult as { AccessToken: string }).AccessToken;
    const [before, after] = [decodeJwt(other.access), decodeJwt(fresh)];
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.iat).toBeGreaterThan(before.iat!);
    // …but a refreshed token belongs to the same sign-in: refused, whatever its iat.
    expect((await me(fresh)).errors?.[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'You signed out on all devices. Sign in again.',
    });

    // This device, which changed the password, carries on; another one signing in right now is fine.
    expect((await runAmplify('{ me { id } }')).data?.me).toBeTruthy();
    expect((await me((await device(email, 'Changed-pass-2026')).access)).data?.me).toBeTruthy();
    await signOut();
  });
});

describe('a password reset', () => {
  it('ends every session of the account: access refused, refresh tokens revoked', async () => {
    const email = 'admin@kuleuven.be';
    const other = await device(email);
    expect((await me(other.access)).data?.me).toBeTruthy();

    const since = Date.now();
    await resetPassword({ username: email });
    const mails = (await (await fetch(`${cloud.info.mailboxUrl}?to=${encodeURIComponent(email)}`)).json()) as {
      code: string;
      sentAt: string;
    }[];
    const code = mails.find((m) => Date.parse(m.sentAt) >= since - 1000)!.code;
    await confirmResetPassword({ username: email, confirmationCode: code, newPassword: 'Reset-pass-2026' });

    expect((await me(other.access)).errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect(await refresh(other.refresh)).toMatchObject({ ok: false, errorType: 'NotAuthorizedException' });
    // Signing in with the new password right after the reset works.
    expect((await me((await device(email, 'Reset-pass-2026')).access)).data?.me).toBeTruthy();
  });
});

describe('an open subscription', () => {
  it('stops receiving once its session has ended: an Unauthorized error, then nothing', async () => {
    const lucas = 'lucas.janssens@student.kuleuven.be';
    const emma = await accessTokenOf('emma.peeters@student.kuleuven.be');
    const laptop = await device(lucas);
    const lucasId = String(decodeJwt(laptop.access).sub);

    const socket = await connect(cloud.appsync, laptop.access);
    socket.send({ type: 'connection_init' });
    await socket.next((f) => f.type === 'connection_ack');
    socket.start('inbox', 'subscription ($to: ID!) { onMessage(recipientId: $to) { id text recipientId } }', {
      to: lucasId,
    });
    await socket.next((f) => f.id === 'inbox' && f.type === 'start_ack');

    const send = (text: string) =>
      runWithToken(
        cloud,
        emma,
        'mutation ($to: ID!, $text: String!, $c: ID!) { sendMessage(recipientId: $to, text: $text, clientId: $c) { id text recipientId } }',
        { to: lucasId, text, c: crypto.randomUUID() },
      );
    await send('Before');
    expect(await socket.next((f) => f.id === 'inbox' && f.type === 'data')).toMatchObject({
      payload: { data: { onMessage: { text: 'Before' } } },
    });

    // Lucas signs out of all devices from his phone; the laptop's socket stays open.
    const phone = await device(lucas);
    await runWithToken(cloud, phone.access, 'mutation { signOutEverywhere }');

    await send('After');
    expect(await socket.next((f) => f.id === 'inbox')).toEqual({
      id: 'inbox',
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'You signed out on all devices. Sign in again.' }] },
    });
    await send('Later');
    await pause(200);
    expect(socket.frames.filter((f) => f.type === 'data')).toEqual([]);
    socket.ws.close();
  });
});
