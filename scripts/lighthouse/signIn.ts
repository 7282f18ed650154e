import { chromium } from 'playwright-core';

/**
 * Signs a demo student in through the real sign-in form, in the Chrome Lighthouse drives, so the
 * signed-in pages are audited with the session Amplify keeps in that browser's storage.
 */
export async function signIn(port: number, appUrl: string, user: { email: string; password: string }): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    await page.goto(`${appUrl}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
    await page.close();
  } finally {
    // Only the CDP connection ends: the browser and its storage stay for Lighthouse.
    await browser.close();
  }
}
