/**
 * Drops every cache but the app shell's precache, so nothing a signed-in page fetched can outlive
 * the session on a shared phone. The service worker caches no API answer itself (it never touches
 * GraphQL, Cognito or anything sent with a token); this also removes whatever another version or
 * a browser extension may have stored under the app's origin.
 */
export async function clearSessionCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !name.startsWith('workbox-precache')).map((name) => caches.delete(name)));
}
