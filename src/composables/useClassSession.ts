import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { bookSession, cancelBooking, getSession, subscribeToSession, type ClassSession } from '@/api/classes';
import { toApiError, type ApiError } from '@/api/errors';
import { useUniversityStore } from '@/stores/university';
import { followLive } from './followLive';
import { useStartClock } from './useStartClock';

const isGone = (error: ApiError) => error.errorType === 'NotFound';

/**
 * A session's page for a student: loads it, follows its live changes (places, my waitlist place,
 * a cancellation) until the page closes or the id changes, and books or cancels, reading the
 * session again after each action so the page shows the server's truth.
 */
export function useClassSession(id: Ref<string>) {
  const university = useUniversityStore();
  const session = ref<ClassSession | null>(null);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const pending = ref(false);
  const actionError = ref<ApiError | null>(null);
  const liveLost = ref(false);
  const notFound = computed(() => loadError.value !== null && isGone(loadError.value));
  const now = useStartClock(session);
  let generation = 0;
  let stopFollowing: (() => void) | undefined;

  async function refresh(): Promise<void> {
    const gen = generation;
    try {
      const fresh = await getSession(id.value);
      if (gen !== generation) return;
      session.value = fresh;
      loadError.value = null;
    } catch (reason) {
      if (gen !== generation) return;
      const error = toApiError(reason);
      // A failed background read keeps what is shown; the next change tries again.
      if (!session.value || isGone(error)) loadError.value = error;
      if (isGone(error)) session.value = null;
    }
  }

  async function load(): Promise<void> {
    const gen = generation;
    loading.value = true;
    loadError.value = null;
    await Promise.all([refresh(), university.ensureLoaded().catch(() => undefined)]);
    if (gen === generation) loading.value = false;
  }

  function start(sessionId: string): void {
    generation += 1;
    stopFollowing?.();
    session.value = null;
    actionError.value = null;
    liveLost.value = false;
    // Listen before loading, so a change made while the first read runs is not missed.
    stopFollowing = followLive((onChange, onError) => subscribeToSession(sessionId, onChange, onError), {
      stale: () => void refresh(),
      lost: () => (liveLost.value = true),
      resumed: () => {
        liveLost.value = false;
        void refresh();
      },
    });
    void load();
  }

  async function act(action: () => Promise<unknown>): Promise<boolean> {
    pending.value = true;
    actionError.value = null;
    try {
      await action();
      await refresh();
      return true;
    } catch (reason) {
      actionError.value = toApiError(reason);
      void refresh();
      return false;
    } finally {
      pending.value = false;
    }
  }

  watch(id, start, { immediate: true });
  onScopeDispose(() => {
    generation += 1;
    stopFollowing?.();
  });

  return {
    session,
    loading,
    loadError,
    notFound,
    pending,
    actionError,
    liveLost,
    now,
    load,
    book: () => act(() => bookSession(id.value)),
    cancel: () => act(() => cancelBooking(id.value)),
  };
}
