import { computed, onScopeDispose, ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { listNotifications } from '@/api/notifications';
import type { AppNotification } from '@/api/types';
import { useNotificationsStore } from '@/stores/notifications';

export const PAGE_SIZE = 20;

const newestFirst = (a: AppNotification, b: AppNotification) => b.createdAt.localeCompare(a.createdAt);

/** Adds `incoming` to `known` without duplicates (a live arrival may also be on a page), newest first. */
function merge(known: AppNotification[], incoming: AppNotification[]): AppNotification[] {
  const ids = new Set(known.map((n) => n.id));
  return [...known, ...incoming.filter((n) => !ids.has(n.id))].sort(newestFirst);
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

  const hasUnread = computed(() => store.unreadCount > 0 || items.value.some((n) => !n.readAt));

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await listNotifications({ limit: PAGE_SIZE });
      items.value = merge(items.value, page.items);
      nextToken.value = page.nextToken;
    } catch (reason) {
      error.value = toApiError(reason);
    } finally {
      loading.value = false;
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
  onScopeDispose(stopHearing);

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
