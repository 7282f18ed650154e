// SignUp, ConfirmSignUp and ResendConfirmationCode through Amplify v6, as the app's sign-up page does.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { confirmSignUp, resendSignUpCode, signIn, signOut, signUp } from 'aws-amplify/auth';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD, REFUSED_DOMAIN, startHarness, type Harness } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const attrs = (email: string) => ({ userAttributes: { email, name: 'Ada Lovelace' } });

describe('sign-up', () => {
  test('mails a code, confirms with it, verifies the email and runs both hooks', async () => {
    const email = 'ada@uni.test';
    const result = await signUp({ username: email, password: PASSWORD, options: attrs(email) });
    expect(result.isSignUpComplete).toBe(false);
    expect(result.nextStep).toMatchObject({
      signUpStep: 'CONFIRM_SIGN_UP',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@u***', attributeName: 'email' },
    });
    expect(h.preSignUpCalls.at(-1)).toMatchObject({ email, attributes: { email, name: 'Ada Lovelace' } });

    const mail = h.mailbox.list(email)[0];
    expect(mail).toMatchObject({ to: email, subject: 'Your Huddle verification code' });
    expect(mail?.code).toMatch(/^\d{6}$/);

    await expect(
      confirmSignUp({ username: email, confirmationCode: '000000' === mail?.code ? '111111' : '000000' }),
    ).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(h.postConfirmationCalls).toHaveLength(0);

    const confirmed = await confirmSignUp({ username: email, confirmationCode: h.code(email) });
    expect(confirmed.isSignUpComplete).toBe(true);
    expect(h.postConfirmationCalls).toHaveLength(1);
    const call = h.postConfirmationCalls[0]!;
    expect(call).toMatchObject({
      email,
      groups: [],
      attributes: { email, name: 'Ada Lovelace', email_verified: 'true' },
    });
    expect(call.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.sub).toBe(result.userId);

    const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: h.cognito.userPoolId, Username: email }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });

    // Confirming again reads like a wrong code: nothing tells that the account exists and is confirmed.
    await expect(confirmSignUp({ username: email, confirmationCode: h.code(email) })).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });

  test('a refused email gets the PreSignUp hook message, as Cognito words a Lambda refusal', async () => {
    const email = `eve${REFUSED_DOMAIN}`;
    await expect(signUp({ username: email, password: PASSWORD, options: attrs(email) })).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Sign-up is only open to university email addresses.',
    });
    await expect(
      h.admin.send(new AdminGetUserCommand({ UserPoolId: h.cognito.userPoolId, Username: email })),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' });
    expect(h.mailbox.list(email)).toHaveLength(0);
  });

  test('resending mails a new code; only the newest one confirms', async () => {
    const email = 'bob@uni.test';
    await signUp({ username: email, password: PASSWORD, options: attrs(email) });
    const first = h.code(email);
    let resent;
    do {
      resent = await resendSignUpCode({ username: email });
    } while (h.code(email) === first); // a 1-in-a-million repeat of the same code
    expect(resent).toMatchObject({ deliveryMedium: 'EMAIL', destination: 'b***@u***' });
    expect(h.mailbox.list(email)).toHaveLength(2);
    await expect(confirmSignUp({ username: email, confirmationCode: first })).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    await confirmSignUp({ username: email, confirmationCode: h.code(email) });
    // Once confirmed, a resend answers as for anyone (PreventUserExistenceErrors) and sends nothing.
    await expect(resendSignUpCode({ username: email })).resolves.toMatchObject({
      deliveryMedium: 'EMAIL',
      destination: 'b***@u***',
    });
    expect(h.mailbox.list(email)).toHaveLength(2);
  });

  test('the password policy is the production one', async () => {
    const email = 'weak@uni.test';
    const cases: [string, string][] = [
      ['Sh0rt', 'Password not long enough'],
      ['NOLOWER123', 'Password must have lowercase characters'],
      ['noupper123', 'Password must have uppercase characters'],
      ['NoNumbersHere', 'Password must have numeric characters'],
    ];
    for (const [password, problem] of cases) {
      await expect(signUp({ username: email, password, options: attrs(email) })).rejects.toMatchObject({
        name: 'InvalidPasswordException',
        message: `Password did not conform with policy: ${problem}`,
      });
    }
    // No symbol rule: letters and digits are enough.
    await expect(signUp({ username: email, password: 'Abcdefg1', options: attrs(email) })).resolves.toBeTruthy();
  });

  test('emails are case-insensitive: stored lower-case, one account per address, any case signs in', async () => {
    await signUp({ username: 'Carol@Uni.Test', password: PASSWORD, options: attrs('Carol@Uni.Test') });
    expect(h.preSignUpCalls.at(-1)?.email).toBe('carol@uni.test');
    await expect(
      signUp({ username: 'CAROL@uni.test', password: PASSWORD, options: attrs('CAROL@uni.test') }),
    ).rejects.toMatchObject({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
    await confirmSignUp({ username: 'carol@UNI.test', confirmationCode: h.code('CAROL@uni.test') });
    const result = await signIn({ username: 'CaRoL@uni.TEST', password: PASSWORD });
    expect(result.isSignedIn).toBe(true);
    await signOut();
  });
});
