/**
 * `npm run screenshots`: the README's phone screenshots (docs/screenshots/*.png, 390×844 CSS
 * pixels) taken with Debian's Chromium against a running dev cloud (`npm run dev`, or set
 * HUDDLE_APP_PORT to its port), signed in as the demo student Emma: Find activities, and her
 * 150-message chat with Jules from the seed. Run after a visible change to those screens; the
 * PNGs are committed.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = `http://127.0.0.1:${Number(process.env.HUDDLE_APP_PORT ?? 5173)}`;
const OUT = 'docs/screenshots';
const EMMA = { email: 'emma.peeters@student.kuleuven.be', password: 'Huddle-demo-2026' };

async function shoot(page: Page, name: string): Promise<void> {
  // No blinking caret, no skeleton shine, nothing half-way through a transition.
  await page.addStyleTag({
    content:
      '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }',
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}` });
  console.log(`${OUT}/${name}`);
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Brussels',
  });
  const page = await context.newPage();
  await page.goto(`${base}/activities`);
  await page.getByLabel('Email', { exact: true }).fill(EMMA.email);
  await page.getByLabel('Password', { exact: true }).fill(EMMA.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Tabs' }).waitFor();
  await page.getByRole('list', { name: 'Activities' }).getByRole('listitem').first().waitFor();
  await shoot(page, 'find-activities.png');

  await page
    .getByRole('navigation', { name: 'Tabs' })
    .getByRole('link', { name: /^Messages/ })
    .click();
  await page.getByRole('link', { name: /^Jules Vermeulen/ }).click();
  await page.getByRole('log', { name: 'Messages with Jules Vermeulen' }).locator('li[data-key]').last().waitFor();
  await shoot(page, 'chat.png');
} finally {
  await browser.close();
}
