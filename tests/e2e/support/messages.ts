import { expect, type Locator, type Page } from '@playwright/test';

/** The chat's message log, as a screen reader finds it. */
export const chatLog = (page: Page, name: string): Locator => page.getByRole('log', { name: `Messages with ${name}` });

/** One message of the chat, by its exact text. */
export const messageIn = (page: Page, name: string, text: string): Locator =>
  chatLog(page, name)
    .locator('li[data-key]')
    .filter({ has: page.getByText(text, { exact: true }) });

/** The texts of the chat's messages, top to bottom. */
export const messageTexts = (page: Page, name: string): Promise<string[]> =>
  chatLog(page, name).locator('li[data-key] .message-text').allInnerTexts();

/** Writes and sends a message the way a person does: type, then Enter. */
export async function sendMessage(page: Page, to: string, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: `Message to ${to}` });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
}

/** Opens the chat with `name` from the Messages page; returns that person's id (from the address). */
export async function openChatFromList(page: Page, name: string): Promise<string> {
  await page.goto('/messages');
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(chatLog(page, name)).toBeVisible();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** The header's Messages link, with its live unread count in its name. */
export const messagesNav = (page: Page): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ });

/** Waits until the service worker controls the page and has kept the app, so a reload works offline. */
export async function untilAppWorksOffline(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          const cache = await caches.open('huddle-app-v1');
          return Boolean(await cache.match('/__app-shell'));
        }),
      { message: 'the app kept for offline use', timeout: 15_000 },
    )
    .toBe(true);
}

export const uniqueText = (base: string) => `${base} ${Date.now().toString(36).slice(-5)}`;
