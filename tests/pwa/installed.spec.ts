import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type APIResponse } from '@playwright/test';
import { idOf, must, tokenOf } from '../e2e/support/api';
import { expectAccessible, people, signedIn } from '../e2e/support/app';
import { cloudInfo, e2eDataDir } from '../e2e/support/cloud';
import { messageIn, openChatFromList, sendMessage, uniqueText } from '../e2e/support/messages';
import { cachedEntries, sessionTokens, untilInstalled } from './support/installed';

/**
 * The installed app on a phone, on the production build (its precaching service worker) against
 * the local cloud with nothing stubbed: it installs, opens and keeps messages offline, leaves no
 * signed-in answer in a cache after sign-out, and offers a new version when one is waiting.
 */

interface WebManifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes: string; type?: string; purpose?: string }[];
}

/** A PNG's width and height, from its IHDR chunk. */
async function pngSize(response: APIResponse): Promise<string> {
  const bytes = await response.body();
  expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG').toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

const offlineBanner = "You're offline: what you see may be out of date; messages you send are kept and sent later.";

test('the app installs: a valid manifest is linked and a service worker becomes active and controls the page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href, 'a linked manifest').toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const response = await page.request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as WebManifest;

  expect(manifest.name).toBe('Huddle');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.display).toMatch(/^(standalone|fullscreen|minimal-ui)$/);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color!);
  const start = new URL(manifest.start_url ?? '', manifestUrl);
  expect(start.origin).toBe(new URL(page.url()).origin);
  expect(start.pathname.startsWith(new URL(manifest.scope ?? '/', manifestUrl).pathname)).toBe(true);
  expect((await page.request.get(start.href)).ok(), 'the start URL opens').toBe(true);

  const icons = manifest.icons ?? [];
  for (const icon of icons) {
    const image = await page.request.get(new URL(icon.src, manifestUrl).href);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type'], icon.src).toBe(icon.type ?? 'image/png');
    expect(await pngSize(image), `${icon.src} is as large as it says`).toBe(icon.sizes);
  }
  const purposes = (purpose: string) =>
    icons.filter((icon) => (icon.purpose ?? 'any').split(' ').includes(purpose)).map((icon) => icon.sizes);
  expect(purposes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(purposes('maskable').length, 'a maskable icon').toBeGreaterThan(0);

  // The very first visit: the worker takes control without a reload, so the page's lazy chunks
  // come from the precache from then on.
  await untilInstalled(page);
});

test('offline: the shell opens after a reload and says so; messages typed offline reach the other person once each', async ({
  browser,
}) => {
  const [before, after] = ['Typed on the bus', 'Still on the bus'].map(uniqueText) as [string, string];
  const emma = await signedIn(browser, people.emma);
  const lucas = await signedIn(browser, people.lucas);
  expect(emma.page.viewportSize(), 'a phone’s screen').toEqual({ width: 390, height: 844 });
  await openChatFromList(emma.page, people.lucas.name);
  await openChatFromList(lucas.page, people.emma.name);
  await untilInstalled(emma.page);

  await test.step('the connection drops: the app says so, and a message typed is kept', async () => {
    await emma.context.setOffline(true);
    await expect(emma.page.getByText(offlineBanner)).toBeVisible();
    await sendMessage(emma.page, people.lucas.name, before);
    await expect(messageIn(emma.page, people.lucas.name, before)).toContainText('Sending…');
  });

  await test.step('a reload without a network opens the app shell, which says it is offline; the chat takes more', async () => {
    await emma.page.reload();
    await expect(emma.page.getByText(offlineBanner)).toBeVisible();
    await expect(emma.page.getByRole('navigation', { name: 'Tabs' })).toBeVisible();
    await expect(messageIn(emma.page, people.lucas.name, before)).toContainText('Sending…');
    await sendMessage(emma.page, people.lucas.name, after);
    await expect(messageIn(emma.page, people.lucas.name, after)).toContainText('Sending…');
    await expectAccessible(emma.page, 'the chat after an offline start, with messages waiting');
  });

  await test.step('back online both are sent: Lucas gets each once, in order, live and in the API', async () => {
    await emma.context.setOffline(false);
    await expect(emma.page.getByText(offlineBanner)).toHaveCount(0);
    await expect(messageIn(lucas.page, people.emma.name, after)).toHaveCount(1, { timeout: 30_000 });
    await expect(messageIn(lucas.page, people.emma.name, before)).toHaveCount(1);
    await expect(messageIn(emma.page, people.lucas.name, after)).not.toContainText('Sending…');
    const token = await tokenOf(people.lucas.email);
    const emmaId = await idOf(await tokenOf(people.emma.email));
    const contact = await must(token, 'query ($u: ID!) { contact(userId: $u) { conversation { id } } }', { u: emmaId });
    const conversationId = (contact.contact as { conversation: { id: string } }).conversation.id;
    const newestFirst = async () => {
      const data = await must(token, 'query ($c: ID!) { messages(conversationId: $c, limit: 50) { items { text } } }', {
        c: conversationId,
      });
      return (data.messages as { items: { text: string }[] }).items.map((message) => message.text);
    };
    const texts = await newestFirst();
    expect(texts.filter((text) => text === before || text === after)).toEqual([after, before]);
    // A reload sends neither again.
    await emma.page.reload();
    await expect(messageIn(emma.page, people.lucas.name, after)).toHaveCount(1);
    await expect(messageIn(emma.page, people.lucas.name, before)).toHaveCount(1);
    expect((await newestFirst()).filter((text) => text === before || text === after)).toEqual([after, before]);
  });

  await Promise.all([emma.context.close(), lucas.context.close()]);
});

test('after sign-out only the app shell’s precache is left, with no answer of the API, Cognito or config.json and no token', async ({
  browser,
}) => {
  const lucas = await signedIn(browser, people.lucas);
  await untilInstalled(lucas.page);
  for (const path of ['/activities', '/classes', '/messages', '/account']) {
    await lucas.page.goto(path);
    await expect(lucas.page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await openChatFromList(lucas.page, people.emma.name);
  const tokens = await sessionTokens(lucas.page);
  expect(tokens.length, 'the session’s tokens').toBeGreaterThan(0);
  // What another version of the app or an extension may have kept under this origin.
  await lucas.page.evaluate(async () => {
    const cache = await caches.open('runtime-api');
    await cache.put('/graphql-answer', new Response('{"data":{"me":{"name":"Lucas"}}}'));
  });

  // On a phone, sign-out lives on the Me tab.
  await lucas.page.getByRole('navigation', { name: 'Tabs' }).getByRole('link', { name: 'Me', exact: true }).click();
  await lucas.page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(lucas.page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  const { graphqlUrl, cognitoUrl } = cloudInfo();
  const appOrigin = new URL(lucas.page.url()).origin;
  await expect
    .poll(async () => [...new Set((await cachedEntries(lucas.page, tokens)).map((e) => e.cache))])
    .toEqual([expect.stringMatching(/^workbox-precache/)]);
  const entries = await cachedEntries(lucas.page, tokens);
  expect(entries.length, 'the app shell is still there for an offline start').toBeGreaterThan(0);
  for (const entry of entries) {
    const url = new URL(entry.url);
    expect(url.origin, entry.url).toBe(appOrigin);
    expect(entry.url, 'no API answer').not.toContain(new URL(graphqlUrl).host);
    expect(entry.url, 'no Cognito answer').not.toContain(new URL(cognitoUrl).host);
    expect(url.pathname, 'not the configuration').not.toBe('/config.json');
    expect(url.pathname, 'a file of the build').toMatch(/\.(js|css|html|svg|png|webmanifest)$/);
    expect(entry.holdsSecret, `${entry.url} holds a token`).toBe(false);
  }
  await lucas.context.close();
});

test('“A new version is ready” appears when an update is waiting, and “Reload” starts it', async ({ page }) => {
  await page.goto('/');
  await untilInstalled(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

  // A new deployment: the same files, and a service worker whose bytes differ.
  const swPath = `${e2eDataDir()}/dist/sw.js`;
  const deployed = readFileSync(swPath, 'utf8');
  writeFileSync(swPath, `${deployed}\n// the next version, ${Date.now()}\n`);
  try {
    await page.reload();
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Huddle is ready.' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page, 'the sign-in page with a new version waiting');
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
      true,
    );

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByText('A new version of Huddle is ready.')).toHaveCount(0);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return { waiting: Boolean(registration?.waiting), controller: navigator.serviceWorker.controller?.scriptURL };
        }),
      )
      .toEqual({ waiting: false, controller: firstWorker });
  } finally {
    writeFileSync(swPath, deployed);
  }
});
