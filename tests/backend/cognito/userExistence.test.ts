// Forgot-password, resend and confirm answer alike for known and unknown accounts, as the
// production app client does with PreventUserExistenceErrors (infra/auth.ts): nobody can use them
// to find out who has a Huddle account.
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  ResendConfirmationCodeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { signIn, signOut } from 'aws-amplify/auth';
import { PASSWORD, registerWithAmplify, startHarness, type Harness } from './helpers.js';
import { postOperation } from '../support/cognitoWire.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'kim@uni.test');
});
afterAll(async () => {
  await h.stop();
});

const ClientId = () => h.cognito.userPoolClientId;

/** The parts of an answer a caller can see: the HTTP status, the error type and message or the body. */
async function answer(send: () => Promise<unknown>) {
  try {
    const out = (await send()) as Record<string, unknown>;
    delete out.$metadata;
    return { ok: out };
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { error: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
}

test('forgot-password for an unknown account answers like a known one, and mails nothing', async () => {
  const known = await answer(() =>
    h.sdk.send(new ForgotPasswordCommand({ ClientId: ClientId(), Username: 'kim@uni.test' })),
  );
  const unknown = await answer(() =>
    h.sdk.send(new ForgotPasswordCommand({ ClientId: ClientId(), Username: 'kit@uni.test' })),
  );
  expect(known).toEqual({
    ok: { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'k***@u***' } },
  });
  expect(unknown).toEqual(known);
  expect(h.mailbox.list('kit@uni.test')).toHaveLength(0);
  expect(h.mailbox.list('kim@uni.test')[0]?.subject).toBe('Your Huddle password reset code');
});

test('resending a sign-up code answers alike for an unknown, a confirmed and an unconfirmed account', async () => {
  const resend = (Username: string) =>
    answer(() => h.sdk.send(new ResendConfirmationCodeCommand({ ClientId: ClientId(), Username })));
  const mailsBefore = h.mailbox.list('kim@uni.test').length;
  const unknown = await resend('kip@uni.test');
  const confirmed = await resend('kim@uni.test');
  expect(unknown).toEqual({
    ok: { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'k***@u***' } },
  });
  expect(confirmed).toEqual(unknown);
  expect(h.mailbox.list('kim@uni.test')).toHaveLength(mailsBefore);
  expect(h.mailbox.list('kip@uni.test')).toHaveLength(0);
});

test('confirming a sign-up or a reset reads the same for an unknown account and a wrong code', async () => {
  const confirmSignUp = (Username: string) =>
    answer(() => h.sdk.send(new ConfirmSignUpCommand({ ClientId: ClientId(), Username, ConfirmationCode: '000000' })));
  // kim has a reset code pending (first test): use any other code.
  const wrong = h.code('kim@uni.test') === '000000' ? '111111' : '000000';
  const confirmReset = (Username: string) =>
    answer(() =>
      h.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ClientId(),
          Username,
          ConfirmationCode: wrong,
          Password: 'Another123',
        }),
      ),
    );
  const mismatch = {
    error: 'CodeMismatchException',
    message: 'Invalid verification code provided, please try again.',
    status: 400,
  };
  expect(await confirmSignUp('nobody@uni.test')).toEqual(mismatch);
  expect(await confirmSignUp('kim@uni.test')).toEqual(mismatch); // known and already confirmed
  expect(await confirmReset('nobody@uni.test')).toEqual(mismatch);
  expect(await confirmReset('kim@uni.test')).toEqual(mismatch);
});

test('a reset without a code, for a user with no code pending, changes nothing', async () => {
  await registerWithAmplify(h, 'lou@uni.test');
  // cognito-local alone compared "no code" with "no code pending" and set the password.
  const raw = await postOperation(h.cognito.url, 'ConfirmForgotPassword', {
    ClientId: ClientId(),
    Username: 'lou@uni.test',
    Password: 'Hijacked123',
  });
  expect(raw.status).toBe(400);
  expect(raw.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
  expect(
    await answer(() =>
      h.sdk.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ClientId(),
          Username: 'lou@uni.test',
          ConfirmationCode: '123456',
          Password: 'Hijacked123',
        }),
      ),
    ),
  ).toMatchObject({ error: 'CodeMismatchException' });
  expect((await signIn({ username: 'lou@uni.test', password: PASSWORD })).isSignedIn).toBe(true);
  await signOut();
});
