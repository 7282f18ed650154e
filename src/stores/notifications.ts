import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { getUnreadCounts, markNotificationsRead, subscribeToNotifications } from '@/api/notifications';
import type { AppNotification } from '@/api/notifications';
import { whenBackInView } from '@/composables/whenBackInView';
import { useSessionStore } from './session';

/** After a subscription error: 2 s, 4 s, 8 s… never longer than a minute between tries. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 60_000;
/** Enough ids to recognise a redelivery, without growing for as long as the tab stays open. */
export const SEEN_IDS_MAX = 200;

type ArrivalListener = (notification: AppNotification) => void;
type ResyncListener = () => void;

/**
 * The signed-in user's unread count and the notifications that arrive live, shared by the header's
 * bell and the notifications page. The store owns the one subscription: it opens it for the session
 * user once started, and closes it (with its timers and window listeners) when that user changes
 * or signs out.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const session = useSessionStore();
  const unreadCount = ref(0);
  const started = ref(false);
  const arrivalListeners = new Set<ArrivalListener>();
  const resyncListeners = new Set<ResyncListener>();
  /** Ids of live arrivals, oldest first (a Set keeps insertion order), to skip redeliveries. */
  const seenIds = new Set<string>();

  let userId: string | null = null;
  let closeSubscription: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopWatchingView: (() => void) | null = null;
  let failures = 0;
  /** Counts opened subscriptions, to tell whether the one a re-sync started with is still the open one. */
  let openings = 0;

  /** Resolves to whether the count could be read (for the user who is still signed in). */
  async function refreshCount(): Promise<boolean> {
    const askedFor = userId;
    try {
      const counts = await getUnreadCounts();
      if (askedFor !== userId) return false;
      unreadCount.value = counts.notifications;
      return true;
    } catch {
      // The count stays as it was; the next focus, reconnect or arrival corrects it.
      return false;
    }
  }

  function receive(notification: AppNotification): void {
    failures = 0; // the subscription works again
    if (seenIds.has(notification.id)) return;
    seenIds.add(notification.id);
    if (seenIds.size > SEEN_IDS_MAX) {
      const oldest = seenIds.values().next().value;
      if (oldest !== undefined) seenIds.delete(oldest);
    }
    if (!notification.readAt) unreadCount.value += 1;
    for (const listener of arrivalListeners) listener(notification);
  }

  function open(sub: string): void {
    const attempt = ++openings;
    closeSubscription = subscribeToNotifications(sub, receive, () => {
      if (attempt !== openings) return; // an earlier subscription, already replaced
      // A dead socket must not break the app: keep the count, and try again a little later.
      closeSubscription?.();
      closeSubscription = null;
      scheduleRetry(sub);
    });
  }

  function scheduleRetry(sub: string): void {
    if (retryTimer || userId !== sub) return;
    const delay = Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (userId !== sub) return;
      reopen(sub);
    }, delay);
  }

  /**
   * Events sent while the socket was down are not replayed: re-read the count and let the screens
   * re-read their lists. If the reopened subscription is still open once the count has come back,
   * the connection works again and the next error starts the backoff from the shortest delay.
   */
  function reopen(sub: string): void {
    open(sub);
    const attempt = openings;
    void resync().then((counted) => {
      if (counted && closeSubscription && attempt === openings && userId === sub) failures = 0;
    });
  }

  function resync(): Promise<boolean> {
    for (const listener of resyncListeners) listener();
    return refreshCount();
  }

  /** A subscription may have missed events while the tab slept or the network was gone. */
  function onBackInView(): void {
    if (!userId) return;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
      reopen(userId);
      return;
    }
    void resync();
  }

  function begin(sub: string): void {
    userId = sub;
    void refreshCount();
    open(sub);
    stopWatchingView = whenBackInView(onBackInView);
  }

  function end(): void {
    userId = null;
    closeSubscription?.();
    closeSubscription = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    failures = 0;
    stopWatchingView?.();
    stopWatchingView = null;
    unreadCount.value = 0;
    seenIds.clear();
  }

  // Set up with the store (not in start()), so the watcher lives as long as the store does and not
  // as long as whichever component called start() first.
  watch(
    [started, () => session.user?.sub ?? null],
    ([isStarted, sub]) => {
      if (isStarted && sub === userId) return;
      end();
      if (isStarted && sub) begin(sub);
    },
    { immediate: true },
  );

  /** Idempotent: the bell calls it on every mount. */
  function start(): void {
    started.value = true;
  }

  /** Stops everything, e.g. when the app is torn down. */
  function stop(): void {
    started.value = false;
  }

  /** Calls `listener` for each notification arriving live; returns the function that stops it. */
  function onArrival(listener: ArrivalListener): () => void {
    arrivalListeners.add(listener);
    return () => arrivalListeners.delete(listener);
  }

  /**
   * Calls `listener` whenever the store catches up after it may have missed events (the window
   * regains focus or visibility, the network returns, the subscription reopens after an error),
   * so a screen can re-read its list; returns the function that stops it.
   */
  function onResync(listener: ResyncListener): () => void {
    resyncListeners.add(listener);
    return () => resyncListeners.delete(listener);
  }

  /** Marks these notifications read, or all of them without ids; throws an ApiError on failure. */
  async function markRead(ids?: string[]): Promise<void> {
    if (ids && ids.length === 0) return;
    const changed = await markNotificationsRead(ids);
    unreadCount.value = ids ? Math.max(0, unreadCount.value - changed) : 0;
  }

  return { unreadCount, start, stop, onArrival, onResync, markRead, refreshCount };
});
