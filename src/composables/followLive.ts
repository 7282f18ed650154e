/** Opens one live subscription (onChange per event, onError when it fails); returns its release. */
export type Subscribe = (onChange: () => void, onError: (error: Error) => void) => () => void;

/** First wait before listening again after the live connection failed; doubles up to the maximum. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;

export interface LiveHandlers {
  /** Something may have changed: read it again. */
  stale: () => void;
  /** The live connection failed; a new one is attempted after a growing wait. */
  lost: () => void;
  /** Listening again (the caller reads it again: changes in between were missed). */
  resumed: () => void;
}

/**
 * Follows one live thing's changes (an activity, a class session), and catches up on whatever a silent drop may have missed: when the
 * tab becomes visible again, when the browser is back online, and after listening again once the
 * connection failed (2 s, then doubling up to 60 s, so a server outage is not hammered).
 * Returns the one function that releases everything: subscription, retry timer and listeners.
 */
export function followLive(subscribe: Subscribe, on: LiveHandlers): () => void {
  let unsubscribe: (() => void) | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = FIRST_RETRY_MS;
  // Each subscription's own number: an error from an older one (even one raised before
  // subscribe returned) must not cancel or reschedule a newer one.
  let current = 0;
  let stopped = false;

  function listen(): void {
    const mine = ++current;
    const stop = subscribe(
      () => {
        retryDelay = FIRST_RETRY_MS; // a change arrived: the connection works
        on.stale();
      },
      () => {
        if (stopped || mine !== current) return;
        current += 1;
        unsubscribe?.();
        unsubscribe = undefined;
        on.lost();
        scheduleRetry();
      },
    );
    if (mine === current && !stopped) unsubscribe = stop;
    else stop();
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(resume, retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  }

  function resume(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    listen();
    if (unsubscribe) on.resumed();
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'visible') on.stale();
  }

  function onOnline(): void {
    // Back online: no reason to sit out the rest of a long wait.
    if (retryTimer !== undefined) {
      retryDelay = FIRST_RETRY_MS;
      resume();
    } else {
      on.stale();
    }
  }

  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('online', onOnline);
  listen();

  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    unsubscribe?.();
    unsubscribe = undefined;
    document.removeEventListener('visibilitychange', onVisibilityChange);
    window.removeEventListener('online', onOnline);
  };
}
