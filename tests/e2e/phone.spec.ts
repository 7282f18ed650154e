import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, people, type Person, type Session } from './support/app';
import { DEMO_PASSWORD, signInWithForm } from './support/cloud';

/** An iPhone-sized screen, as most students open Huddle: 390×844 CSS pixels, touch. */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** Signed in on a phone: the header has no sign-out there, the tab bar shows instead. */
async function onPhone(browser: Browser, person: Person, path = '/'): Promise<Session> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(path);
  await signInWithForm(page, person.email, DEMO_PASSWORD);
  await expect(tabBar(page)).toBeVisible();
  return { context, page };
}

const tabBar = (page: Page) => page.getByRole('navigation', { name: 'Tabs' });
const tab = (page: Page, name: string | RegExp) => tabBar(page).getByRole('link', { name });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('on a phone the tab bar reaches every area, and the header is one compact bar', async ({ browser }) => {
  const { context, page } = await onPhone(browser, people.emma, '/activities');

  await test.step('the header is one line: the page title, no desktop navigation, no sign-out', async () => {
    await expect(heading(page)).toHaveText('Find activities');
    const header = await page.getByRole('banner').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
    await expect(tab(page, 'Activities')).toHaveAttribute('aria-current', 'page');
  });

  const areas: [RegExp, string | RegExp][] = [
    [/^Classes/, 'Classes'],
    [/^Messages/, 'Messages'],
    [/^Notifications/, 'Notifications'],
    [/^Me$/, people.emma.name],
    [/^Activities/, 'Find activities'],
  ];
  for (const [name, title] of areas) {
    await test.step(`the ${name.source.replace(/[\^$]/g, '')} tab`, async () => {
      await tab(page, name).click();
      await expect(heading(page)).toHaveText(title);
      await expect(tab(page, name)).toHaveAttribute('aria-current', 'page');
    });
  }

  await test.step('every tab is a touch target of at least 44×44 pixels', async () => {
    for (const link of await tabBar(page).getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
  });

  await test.step('a detail page has Back, which returns to the list where it was', async () => {
    await page.getByRole('list', { name: 'Activities' }).getByRole('link').first().click();
    await expect(tab(page, /^Activities/)).toHaveAttribute('aria-current', 'true');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(heading(page)).toHaveText('Find activities');
    await expect(page.getByRole('button', { name: 'Back' })).toHaveCount(0);
  });

  await test.step('"Me" holds the own pages, the language and sign-out', async () => {
    await tab(page, /^Me$/).click();
    await expect(page.getByRole('link', { name: 'Account and profile' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'My bookings' })).toBeVisible();
    await expectAccessible(page, 'the Me page on a phone');
    await page.getByRole('main').getByLabel('Language').selectOption('nl');
    await expect(
      page.getByRole('navigation', { name: 'Tabbladen' }).getByRole('link', { name: /^Activiteiten/ }),
    ).toBeVisible();
    await page.getByRole('main').getByLabel('Taal').selectOption('en');
    await expect(tab(page, /^Activities/)).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(tabBar(page)).toHaveCount(0);
  });
  await context.close();
});

test('on a phone the first result of Find activities shows without scrolling', async ({ browser }) => {
  const { context, page } = await onPhone(browser, people.lucas, '/activities');
  const first = page.getByRole('list', { name: 'Activities' }).getByRole('listitem').first();
  await expect(first).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const card = (await first.boundingBox())!;
  const bar = (await tabBar(page).boundingBox())!;
  // Its title, time and places above the tab bar, on the first screen.
  expect(card.y).toBeLessThan(bar.y);
  expect(card.y + Math.min(card.height, 96)).toBeLessThanOrEqual(bar.y);

  await test.step('the filters open as a sheet; the chips filter at once', async () => {
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'Filter activities' });
    await expect(sheet).toBeVisible();
    await expectAccessible(page, 'the filters sheet on a phone');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'This week' }).click();
    await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=/);
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  });
  await context.close();
});

test('a tab keeps its page and scroll position while another tab is open', async ({ browser }) => {
  const { context, page } = await onPhone(browser, people.emma, '/messages');
  await expect(page.getByRole('list', { name: 'Your conversations' })).toBeVisible();
  await tab(page, /^Activities/).click();
  await expect(page.getByRole('list', { name: 'Activities' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 400));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await tab(page, /^Classes/).click();
  await expect(heading(page)).toHaveText('Classes');
  await tab(page, /^Activities/).click();
  await expect(heading(page)).toHaveText('Find activities');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  await context.close();
});

test('no serious or critical accessibility violation, on a phone and on a desktop', async ({ browser }) => {
  const phone = await onPhone(browser, people.emma, '/activities');
  for (const [path, what] of [
    ['/activities', 'Find activities'],
    ['/classes', 'the timetable'],
    ['/messages', 'Messages'],
    ['/notifications', 'Notifications'],
    ['/me', 'Me'],
  ] as const) {
    await phone.page.goto(path);
    await expect(heading(phone.page)).toBeVisible();
    await expect(phone.page.locator('.list-skeleton')).toHaveCount(0);
    await expectAccessible(phone.page, `${what} on a phone`);
  }
  await phone.context.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/activities');
  await signInWithForm(page, people.emma.email, DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(tabBar(page)).toBeHidden();
  for (const path of ['/activities', '/classes', '/messages', '/me']) {
    await page.goto(path);
    await expect(heading(page)).toBeVisible();
    await expect(page.locator('.list-skeleton')).toHaveCount(0);
    await expectAccessible(page, `${path} on a desktop`);
  }
  await context.close();
});
