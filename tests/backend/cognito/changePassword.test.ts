// ChangePassword through Amplify's updatePassword.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, signOut, updatePassword } from 'aws-amplify/auth';
import { PASSWORD, registerWithAmplify, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await registerWithAmplify(h, 'gina@uni.test');
});
afterAll(async () => {
  await h.stop();
});

test('the old password must be right, the new one must meet the policy, then it is the password', async () => {
  await signIn({ username: 'gina@uni.test', password: PASSWORD });
  await expect(updatePassword({ oldPassword: 'Wrong1234', newPassword: 'Changed789' })).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Incorrect username or password.',
  });
  await expect(updatePassword({ oldPassword: PASSWORD, newPassword: 'short' })).rejects.toMatchObject({
    name: 'InvalidPasswordException',
    message: 'Password did not conform with policy: Password not long enough',
  });
  await updatePassword({ oldPassword: PASSWORD, newPassword: 'Changed789' });
  await signOut();
  await expect(signIn({ username: 'gina@uni.test', password: PASSWORD })).rejects.toMatchObject({
    name: 'NotAuthorizedException',
  });
  expect((await signIn({ username: 'gina@uni.test', password: 'Changed789' })).isSignedIn).toBe(true);
  await signOut();
});
