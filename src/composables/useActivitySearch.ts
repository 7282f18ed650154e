import { ref } from 'vue';
import { listActivities } from '@/api/activities';
import { toApiError, type ApiError } from '@/api/errors';
import type { ActivitySummary } from '@/api/activities';
import type { Page } from '@/api/page';
import { toServerFilter, type FilterState } from '@/activities/filterQuery';
import { useUniversityStore } from '@/stores/university';

export const PAGE_SIZE = 20;

type FetchPage = (nextToken: string | null) => Promise<Page<ActivitySummary>>;

/**
 * A cursor-paged list of activities: first page, "load more", and their own loading and error
 * states. Each new start makes earlier answers stale, so a slow reply to an old filter can never
 * overwrite the newer list (nor append to it).
 */
export function usePagedActivities() {
  const items = ref<ActivitySummary[]>([]);
  const nextToken = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const loadingMore = ref(false);
  const loadMoreError = ref<ApiError | null>(null);
  let generation = 0;
  let fetchPage: FetchPage | undefined;

  async function start(fetch: FetchPage): Promise<void> {
    fetchPage = fetch;
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    loadingMore.value = false;
    loadMoreError.value = null;
    items.value = [];
    nextToken.value = null;
    try {
      const page = await fetch(null);
      if (mine !== generation) return;
      items.value = page.items;
      nextToken.value = page.nextToken;
    } catch (caught) {
      if (mine === generation) error.value = toApiError(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Asks for the first page again, with what was asked last. */
  async function retry(): Promise<void> {
    if (fetchPage) await start(fetchPage);
  }

  /** Appends the next page; on failure the list stays and loadMoreError says so. */
  async function loadMore(): Promise<void> {
    const token = nextToken.value;
    if (!fetchPage || !token || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    loadMoreError.value = null;
    try {
      const page = await fetchPage(token);
      if (mine !== generation) return;
      items.value = [...items.value, ...page.items];
      nextToken.value = page.nextToken;
    } catch (caught) {
      if (mine === generation) loadMoreError.value = toApiError(caught);
    } finally {
      if (mine === generation) loadingMore.value = false;
    }
  }

  return { items, nextToken, loading, error, loadingMore, loadMoreError, start, retry, loadMore };
}

/** The Find screen's data: activities of my university matching the filters, in its time zone. */
export function useActivitySearch() {
  const university = useUniversityStore();
  const list = usePagedActivities();

  function search(filters: FilterState): Promise<void> {
    return list.start(async (nextToken) => {
      // Days are the university's days: its zone must be known before they become instants.
      const { timeZone } = await university.ensureLoaded();
      return listActivities(toServerFilter(filters, timeZone), { limit: PAGE_SIZE, nextToken });
    });
  }

  return { ...list, search };
}
