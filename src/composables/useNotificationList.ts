import { computed, onScopeDispose, ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { listNotifications } from '@/api/notifications';
import type { AppNotification } from '@/api/notifications';
import { useNotificationsStore } from '@/stores/notifications';

export const PAGE_SIZE = 20;

const newestFirst = (a: AppNotification, b: AppNotification) => b.createdAt.localeCompare(a.createdAt);

/**
 * Adds `incoming` to `known` without duplicates (a live arrival may also be on a page), newest first.
 * A notification on both takes the incoming (fresher) version, except that read never turns back
 * into unread: it may have been marked read here while that answer was on its way.
 */
function merge(known: AppNotification[], incoming: AppNotification[]): AppNotification[] {
  const byId = new Map(known.map((n) => [n.id, n]));
  for (const fresh of incoming) {
    const old = byId.get(fresh.id);
    byId.set(fresh.id, old?.readAt && !fresh.readAt ? { ...fresh, readAt: old.readAt } : fresh);
  }
  return [...byId.values()].sort(newestFirst);
}

/**
 * The notifications page's data: pages of the user's notifications, the live ones prepended as
 * they arrive (through the store, which owns the subscription), and marking them read.
 */
export function useNotificationList() {
  const store = useNotificationsStore();
  const items = ref<AppNotification[]>([]);
  const nextToken = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const loadingMore = ref(false);
  const moreError = ref<ApiError | null>(null);
  const marking = ref(false);
  const markError = ref<ApiError | null>(null);
  let firstPageLoaded = false;
  let refreshing = false;

  const hasUnread = computed(() => store.unreadCount > 0 || items.value.some((n) => !n.readAt));

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await listNotifications({ limit: PAGE_SIZE });
      items.value = merge(items.value, page.items);
      nextToken.value = page.nextToken;
      firstPageLoaded = true;
    } catch (reason) {
      error.value = toApiError(reason);
    } finally {
      loading.value = false;
    }
  }

  /**
   * After the store re-synced (the subscription may have missed events): re-reads the first page
   * quietly, without a loading state. Pages loaded further down stay; if none of the first page is
   * known any more (many arrived meanwhile), it starts over from it so no gap is left in between.
   */
  async function refresh(): Promise<void> {
    if (loading.value || refreshing) return;
    if (!firstPageLoaded) return load();
    refreshing = true;
    try {
      const page = await listNotifications({ limit: PAGE_SIZE });
      const known = new Set(items.value.map((n) => n.id));
      if (page.nextToken && !page.items.some((n) => known.has(n.id))) {
        items.value = [...page.items].sort(newestFirst);
        nextToken.value = page.nextToken;
      } else {
        items.value = merge(items.value, page.items);
      }
    } catch {
      // The list stays as it was; the next re-sync tries again.
    } finally {
      refreshing = false;
    }
  }

  /** Resolves to the notifications this page added, so the view can move focus to the first. */
  async function loadMore(): Promise<AppNotification[]> {
    if (!nextToken.value || loadingMore.value) return [];
    loadingMore.value = true;
    moreError.value = null;
    try {
      const page = await listNotifications({ limit: PAGE_SIZE, nextToken: nextToken.value });
      const before = new Set(items.value.map((n) => n.id));
      items.value = merge(items.value, page.items);
      nextToken.value = page.nextToken;
      return page.items.filter((n) => !before.has(n.id));
    } catch (reason) {
      moreError.value = toApiError(reason);
      return [];
    } finally {
      loadingMore.value = false;
    }
  }

  /** These notifications, or all of them without ids; resolves to whether it worked. */
  async function markRead(ids?: string[]): Promise<boolean> {
    marking.value = true;
    markError.value = null;
    try {
      await store.markRead(ids);
      const readAt = new Date().toISOString();
      items.value = items.value.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt } : n));
      return true;
    } catch (reason) {
      markError.value = toApiError(reason);
      return false;
    } finally {
      marking.value = false;
    }
  }

  store.start();
  const stopHearing = store.onArrival((notification) => {
    items.value = merge(items.value, [notification]);
  });
  const stopResyncing = store.onResync(() => void refresh());
  onScopeDispose(() => {
    stopHearing();
    stopResyncing();
  });

  return {
    items,
    nextToken,
    loading,
    error,
    loadingMore,
    moreError,
    marking,
    markError,
    hasUnread,
    load,
    loadMore,
    markRead,
  };
}
