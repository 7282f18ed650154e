/**
 * Lets the app start without a network (public/sw.js: network first, the last answer kept), so a
 * reload on a train still shows the outbox. Registered after the app is up; anything the page loaded
 * before the worker took control is handed to it, so the very next offline start has it all.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`);
    const { active } = await navigator.serviceWorker.ready;
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    active?.postMessage({ type: 'keep', page: location.href, urls: [location.href, ...loaded] });
  } catch {
    // No offline start then; everything else works as before.
  }
}
