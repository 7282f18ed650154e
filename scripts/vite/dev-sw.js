/*
 * The dev server's service worker (a production build gets vite-plugin-pwa's precaching one
 * instead): the app starts without a network (a train, a reload in a tunnel), so
 * messages written offline are still there, in the outbox, and go out when the network returns.
 *
 * Network first, always: online, every request goes to the server as if there were no worker (a
 * deploy or, locally, an edit shows at once); each answer is kept, and only when the network fails
 * is the kept copy used. Page loads fall back to the app's last page (it is one page: the router
 * draws the rest). Only this origin's GET requests are handled: the API, Cognito and anything else
 * pass straight through.
 */
const CACHE = 'huddle-app-v1';
const SHELL = '/__app-shell';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page sends what it loaded before this worker controlled it: kept too, for the next offline start.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(keepAll(event.data.urls, event.data.page));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = request.mode === 'navigate' ? SHELL : request;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

async function keepAll(urls, page) {
  const cache = await caches.open(CACHE);
  const own = urls.filter((url) => typeof url === 'string' && new URL(url).origin === self.location.origin);
  await Promise.all(
    own.map(async (url) => {
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(url === page ? SHELL : url, response);
      } catch {
        // Not kept: the next load that needs it fetches and keeps it.
      }
    }),
  );
}
