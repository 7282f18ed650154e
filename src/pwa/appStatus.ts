import { readonly, ref } from 'vue';

/**
 * What the app shell says about the app itself: whether the browser is online, and whether a new
 * version is ready. A module rather than a Pinia store on purpose: it is read by chunks loaded
 * after the first paint (the banner, the service-worker registration), and a store there pulls
 * Pinia out of the shared chunk into one of its own, +0.5 KB on every first load (npm run size).
 */
const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine);
const updateReady = ref(false);
let applyUpdate: (() => Promise<void> | void) | undefined;

/** Follows the browser going off- and online for the whole visit (main.ts calls it once). */
export function followConnection(): void {
  const set = () => (online.value = navigator.onLine);
  window.addEventListener('online', set);
  window.addEventListener('offline', set);
}

/** The service worker has a new version waiting; `apply` activates it and reloads. */
export function offerUpdate(apply: () => Promise<void> | void): void {
  applyUpdate = apply;
  updateReady.value = true;
}

export function useAppStatus() {
  async function reloadToUpdate(): Promise<void> {
    if (applyUpdate) await applyUpdate();
    else window.location.reload();
  }
  return { online: readonly(online), updateReady: readonly(updateReady), reloadToUpdate };
}
