/**
 * The dev server's stand-in for the production service worker (which vite-plugin-pwa builds and
 * precaches only for a production build): network first, each answer of this origin kept, so a
 * reload without a network on the dev server still opens the app and its outbox, as the installed
 * app does. Served by the dev server alone (vite.config.ts, scripts/vite/dev-sw.js);
 * anything the page loaded before the worker took control is handed to it, so the very next
 * offline start has it all.
 */
export async function registerDevServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}dev-sw.js`);
    const { active } = await navigator.serviceWorker.ready;
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    active?.postMessage({ type: 'keep', page: location.href, urls: [location.href, ...loaded] });
  } catch {
    // No offline start then; everything else works as before.
  }
}
