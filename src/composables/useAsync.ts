import { ref, shallowRef, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';

/**
 * One piece of data a screen loads: its value, loading and error states, and a retry that asks
 * again with what was asked last. A newer run makes older answers stale (a slow reply to an
 * earlier question never overwrites a newer one). The value stays while a reload runs.
 */
export function useAsync<T, A extends unknown[] = []>(load: (...args: A) => Promise<T>) {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let generation = 0;
  let lastArgs: A | undefined;

  /** Resolves to the value, or null when this run failed or was overtaken by a newer one. */
  async function run(...args: A): Promise<T | null> {
    lastArgs = args;
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const value = await load(...args);
      if (mine !== generation) return null;
      data.value = value;
      return value;
    } catch (caught) {
      if (mine === generation) error.value = toApiError(caught);
      return null;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  function retry(): Promise<T | null> {
    return lastArgs ? run(...lastArgs) : Promise.resolve(null);
  }

  return { data, loading, error, run, retry };
}
