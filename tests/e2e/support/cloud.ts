import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The local cloud's data folder: `.local-e2e`, or the installed-app journeys' own (playwright.pwa.config.ts). */
export const e2eDataDir = (): string => process.env.HUDDLE_E2E_DATA_DIR ?? '.local-e2e';

/** The local cloud the journeys run against, as it describes itself in its data folder's cloud.json. */
export function cloudInfo(): {
  mailboxUrl: string;
  graphqlUrl: string;
  cognitoUrl: string;
  userPoolClientId: string;
} {
  return JSON.parse(readFileSync(`${e2eDataDir()}/cloud.json`, 'utf8'));
}

interface Mail {
  to: string;
  subject: string;
  code: string;
  sentAt: string;
}

/** Waits for a code mailed to `email` after `since`, reading the dev mailbox like a script would. */
export async function mailedCode(email: string, since: Date): Promise<string> {
  const url = `${cloudInfo().mailboxUrl}?to=${encodeURIComponent(email.toLowerCase())}`;
  let code = '';
  await expect
    .poll(
      async () => {
        const mails = (await (await fetch(url)).json()) as Mail[];
        code = mails.find((mail) => new Date(mail.sentAt) >= since)?.code ?? '';
        return code;
      },
      { message: `a code mailed to ${email}`, timeout: 15_000 },
    )
    .not.toBe('');
  return code;
}

export const DEMO_PASSWORD = 'Huddle-demo-2026';

export const uniqueEmail = (domain: string) =>
  `e2e.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@${domain}`;

/** Signs in through the Authenticator form on the sign-in page (Amplify's default SRP flow). */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
