import { expect, type Page } from '@playwright/test';

/**
 * Waits until the service worker is active and controls the page, and its precache holds the app
 * shell: from then on the app opens without a network.
 */
export async function untilInstalled(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          if (!registration) return 'no service worker';
          if (registration.active?.state !== 'activated')
            return `a worker ${registration.installing ? 'installing' : (registration.active?.state ?? 'not active')}`;
          if (!navigator.serviceWorker.controller) return 'an active worker, not controlling the page';
          const names = await caches.keys();
          const precache = names.find((name) => name.startsWith('workbox-precache'));
          if (!precache || !(await (await caches.open(precache)).match('/index.html', { ignoreSearch: true })))
            return 'no app shell in the precache';
          return 'installed';
        }),
      { message: 'an active service worker controlling the page, with the app shell precached', timeout: 30_000 },
    )
    .toBe('installed');
}

export interface CachedEntry {
  cache: string;
  url: string;
  /** Whether the answer holds one of the secrets asked about (the session's tokens). */
  holdsSecret: boolean;
}

/** Everything in the page's CacheStorage, as the page itself sees it. */
export function cachedEntries(page: Page, secrets: string[]): Promise<CachedEntry[]> {
  return page.evaluate(async (secrets) => {
    const entries: CachedEntry[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const body = (await (await cache.match(request))?.text()) ?? '';
        const headers: string[] = [];
        request.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
        const seen = [request.url, ...headers, body].join('\n');
        entries.push({ cache: name, url: request.url, holdsSecret: secrets.some((secret) => seen.includes(secret)) });
      }
    }
    return entries;
  }, secrets);
}

/** The signed-in session's tokens, as Amplify keeps them in localStorage. */
export function sessionTokens(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => /\.(accessToken|idToken|refreshToken)$/.test(key))
      .map((key) => localStorage.getItem(key)!)
      .filter(Boolean),
  );
}
