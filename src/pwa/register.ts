import { registerSW } from 'virtual:pwa-register';
import { offerUpdate } from './appStatus';

/**
 * Registers the service worker (production builds only, after the first paint: it is not needed
 * to show the page). A new version waits until the user chooses to reload, so a form being typed
 * is never swapped out from under them.
 */
export function registerServiceWorker(): void {
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => offerUpdate(() => update(true)),
  });
}
