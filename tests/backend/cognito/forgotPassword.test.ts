// ForgotPassword + ConfirmForgotPassword through Amplify's resetPassword / confirmResetPassword.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { confirmResetPassword, resetPassword, signIn, signOut, signUp } from 'aws-amplify/auth';
import { PASSWORD, registerWithAmplify, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'erin@uni.test');
});
afterAll(async () => {
  await h.stop();
});

test('a mailed reset code sets a new password; the old one stops working', async () => {
  const started = await resetPassword({ username: 'Erin@Uni.test' });
  expect(started.nextStep).toMatchObject({
    resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
    codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'e***@u***' },
  });
  const mail = h.mailbox.list('erin@uni.test')[0]!;
  expect(mail.subject).toBe('Your Huddle password reset code');

  await expect(
    confirmResetPassword({ username: 'erin@uni.test', confirmationCode: mail.code, newPassword: 'weakpass' }),
  ).rejects.toMatchObject({
    name: 'InvalidPasswordException',
    message: 'Password did not conform with policy: Password must have uppercase characters',
  });
  await expect(
    confirmResetPassword({
      username: 'erin@uni.test',
      confirmationCode: mail.code === '123456' ? '654321' : '123456',
      newPassword: 'NewSecret456',
    }),
  ).rejects.toMatchObject({ name: 'CodeMismatchException' });

  await confirmResetPassword({ username: 'erin@uni.test', confirmationCode: mail.code, newPassword: 'NewSecret456' });
  await expect(signIn({ username: 'erin@uni.test', password: PASSWORD })).rejects.toMatchObject({
    name: 'NotAuthorizedException',
  });
  expect((await signIn({ username: 'erin@uni.test', password: 'NewSecret456' })).isSignedIn).toBe(true);
  await signOut();
});

test('no reset for an unconfirmed (unverified) address, and its sign-up code cannot be used as one', async () => {
  await signUp({
    username: 'fred@uni.test',
    password: PASSWORD,
    options: { userAttributes: { email: 'fred@uni.test', name: 'F' } },
  });
  // The answer says a code went out, as for anyone (PreventUserExistenceErrors); none did.
  await expect(resetPassword({ username: 'fred@uni.test' })).resolves.toMatchObject({
    nextStep: { codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'f***@u***' } },
  });
  expect(h.mailbox.list('fred@uni.test').map((m) => m.subject)).toEqual(['Your Huddle verification code']);
  await expect(
    confirmResetPassword({
      username: 'fred@uni.test',
      confirmationCode: h.code('fred@uni.test'),
      newPassword: 'NewSecret456',
    }),
  ).rejects.toMatchObject({ name: 'CodeMismatchException' });
  expect(h.postConfirmationCalls.map((c) => c.email)).not.toContain('fred@uni.test');
});
