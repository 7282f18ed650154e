import { ref, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import type { Page } from '@/api/page';

export type FetchPage<T> = (nextToken: string | null) => Promise<Page<T>>;

/**
 * A cursor-paged list: its first page, "load more", and their own loading and error states. Each
 * new start makes earlier answers stale, so a slow reply to an old question can never overwrite
 * the newer list (nor append to it). Screens with paged lists build on this one.
 */
export function useCursorPages<T>() {
  const items = ref([]) as Ref<T[]>;
  const nextToken = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const loadingMore = ref(false);
  const loadMoreError = ref<ApiError | null>(null);
  let generation = 0;
  let fetchPage: FetchPage<T> | undefined;

  async function start(fetch: FetchPage<T>): Promise<void> {
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
