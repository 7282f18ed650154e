import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, mailedCode, signInWithForm, uniqueEmail } from './support/cloud';

/**
 * A new student's whole account life, as a person does it in the browser against the local
 * cloud: nothing is stubbed, codes come from the dev mailbox.
 */
test('a new student signs up, signs in and out, resets and changes the password, and signs out everywhere', async ({
  page,
  browser,
}) => {
  const email = uniqueEmail('student.kuleuven.be');
  const firstPassword = 'First-pass-1';
  const resetPassword = 'Reset-pass-2';
  const finalPassword = 'Final-pass-3';

  await test.step('sign up and confirm with the mailed code', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByRole('tab', { name: 'Create Account' }).click();
    await page.getByLabel('Display name').fill('Jules Vermeulen');
    await page.getByLabel('University email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByLabel('Confirm Password').fill(firstPassword);
    const sentAfter = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Create Account' }).click();
    const code = await mailedCode(email, sentAfter);
    await page.getByLabel('Confirmation Code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
  });

  await test.step('signed in, they see their university, also after a reload', async () => {
    await expect(page.getByRole('heading', { name: 'Welcome, Jules Vermeulen' })).toBeVisible();
    await expect(page.getByText('KU Leuven')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome, Jules Vermeulen' })).toBeVisible();
  });

  await test.step('sign out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  await test.step('forgot password: code from the mailbox, new password, sign in', async () => {
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Enter your email').fill(email);
    const sentAfter = new Date(Date.now() - 1000);
    await page.getByRole('button', { name: 'Send code' }).click();
    const code = await mailedCode(email, sentAfter);
    await page.getByRole('textbox', { name: /^Code/ }).fill(code);
    await page.getByLabel('New Password', { exact: true }).fill(resetPassword);
    await page.getByLabel('Confirm Password').fill(resetPassword);
    await page.getByRole('button', { name: 'Submit' }).click();
    await signInWithForm(page, email, resetPassword);
    await expect(page.getByRole('heading', { name: 'Welcome, Jules Vermeulen' })).toBeVisible();
  });

  await test.step('change password on the account page', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(resetPassword);
    await page.getByLabel('New password').fill(finalPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your password is changed.')).toBeVisible();
  });

  // A second device: its own browser context, signed in with the final password.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await test.step('the same user signs in on a second device', async () => {
    await otherPage.goto('/account');
    await signInWithForm(otherPage, email, finalPassword);
    await expect(otherPage).toHaveURL(/\/account$/);
    await expect(otherPage.getByLabel('Display name')).toHaveValue('Jules Vermeulen');
  });

  await test.step('sign out of all devices', async () => {
    await page.getByRole('button', { name: 'Sign out of all devices' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  await test.step('the second device is sent to sign-in at its next API call, with its path kept', async () => {
    // That call may already have happened in the background (the tab refreshes its counts when it
    // is back in view, and a live delivery is refused too); a reload makes one for certain, and
    // either way the device lands on sign-in, to come back to its account page.
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in\?redirect=(%2F|\/)account$/);
    await expect(otherPage.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });
  await otherDevice.close();
});

test('an email outside the served universities is refused with the rule shown', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Create Account' }).click();
  await page.getByLabel('Display name').fill('Outsider');
  await page.getByLabel('University email').fill('someone@gmail.com');
  await page.getByLabel('Password', { exact: true }).fill('Outside-pass-1');
  await page.getByLabel('Confirm Password').fill('Outside-pass-1');
  await page.getByRole('button', { name: 'Create Account' }).click();
  await expect(
    page.getByText(/Sign up with your university email address\. Huddle is open to: .*KU Leuven/),
  ).toBeVisible();
  // What the user typed is still there to correct.
  await expect(page.getByLabel('University email')).toHaveValue('someone@gmail.com');
});

test('a deep link to a private page goes through sign-in and back', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?redirect=(%2F|\/)account/);
  await signInWithForm(page, 'emma.peeters@student.kuleuven.be', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('emma.peeters@student.kuleuven.be')).toBeVisible();
});

test('a student cannot open the staff page; staff can', async ({ page, browser }) => {
  await page.goto('/staff');
  await signInWithForm(page, 'lucas.janssens@student.kuleuven.be', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'This page is for sports-centre staff' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sports centre' })).toHaveCount(0);

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await staffPage.goto('/staff');
  await signInWithForm(staffPage, 'pieter.maes@kuleuven.be', DEMO_PASSWORD);
  await expect(staffPage.getByRole('heading', { name: 'Sports centre' })).toBeVisible();
  await expect(staffPage.getByText('KU Leuven')).toBeVisible();
  await staff.close();
});
