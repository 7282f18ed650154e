import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { getUnreadCounts, markNotificationsRead, subscribeToNotifications } from '@/api/notifications';
import type { AppNotification } from '@/api/types';
import { useSessionStore } from './session';

/** After a subscription error: 2 s, 4 s, 8 s… never longer than a minute between tries. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 60_000;

type ArrivalListener = (notification: AppNotification) => void;

/**
 * The signed-in user's unread count and the notifications that arrive live, shared by the header's
 * bell and the notifications page. The store owns the one subscription: it opens it for the session
 * user once started, and closes it (with its timers and window listeners) when that user changes
 * or signs out.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const session = useSessionStore();
  const unreadCount = ref(0);
  /** Notifications that arrived live this session, newest first. */
  const latest = ref<AppNotification[]>([]);
  const started = ref(false);
  const listeners = new Set<ArrivalListener>();

  let userId: string | null = null;
  let closeSubscription: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  async function refreshCount(): Promise<void> {
    const askedFor = userId;
    try {
      const counts = await getUnreadCounts();
      if (askedFor === userId) unreadCount.value = counts.notifications;
    } catch {
      // The count stays as it was; the next focus, reconnect or arrival corrects it.
    }
  }

  function receive(notification: AppNotification): void {
    failures = 0; // the subscription works again
    if (latest.value.some((known) => known.id === notification.id)) return;
    latest.value = [notification, ...latest.value];
    if (!notification.readAt) unreadCount.value += 1;
    for (const listener of listeners) listener(notification);
  }

  function open(sub: string): void {
    closeSubscription = subscribeToNotifications(sub, receive, () => {
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
      open(sub);
      void refreshCount(); // events sent while the socket was down are not replayed
    }, delay);
  }

  /** A subscription may have missed events while the tab slept or the network was gone. */
  function onBackInView(): void {
    if (!userId) return;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
      open(userId);
    }
    void refreshCount();
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'visible') onBackInView();
  }

  function begin(sub: string): void {
    userId = sub;
    void refreshCount();
    open(sub);
    window.addEventListener('focus', onBackInView);
    window.addEventListener('online', onBackInView);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }

  function end(): void {
    userId = null;
    closeSubscription?.();
    closeSubscription = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    failures = 0;
    window.removeEventListener('focus', onBackInView);
    window.removeEventListener('online', onBackInView);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    unreadCount.value = 0;
    latest.value = [];
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
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Marks these notifications read, or all of them without ids; throws an ApiError on failure. */
  async function markRead(ids?: string[]): Promise<void> {
    if (ids && ids.length === 0) return;
    const changed = await markNotificationsRead(ids);
    const readAt = new Date().toISOString();
    latest.value = latest.value.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt } : n));
    unreadCount.value = ids ? Math.max(0, unreadCount.value - changed) : 0;
  }

  return { unreadCount, latest, start, stop, onArrival, markRead, refreshCount };
});
