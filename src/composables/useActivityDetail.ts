import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import {
  cancelActivity,
  getActivity,
  joinActivity,
  leaveActivity,
  removeParticipant,
  respondToJoinRequest,
  subscribeToActivity,
} from '@/api/activities';
import { toApiError, type ApiError } from '@/api/errors';
import type { Activity } from '@/api/types';
import { useUniversityStore } from '@/stores/university';

/** The activity is not (or no longer) there for this user: another university, deleted, or a bad id. */
const isGone = (error: ApiError) => error.errorType === 'NotFound' || error.errorType === 'Forbidden';

/**
 * One activity's detail page: loads it, follows its live changes until the page closes or the id
 * changes, and runs the participation actions, refetching after each so the page shows the truth.
 */
export function useActivityDetail(id: Ref<string>) {
  const university = useUniversityStore();
  const activity = ref<Activity | null>(null);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const pending = ref(false);
  const actionError = ref<ApiError | null>(null);
  const liveLost = ref(false);
  const notFound = computed(() => loadError.value !== null && isGone(loadError.value));

  // Bumped whenever the page switches to another id: answers for the old id are dropped.
  let generation = 0;
  let unsubscribe: (() => void) | undefined;
  let inFlight: Promise<void> | null = null;
  let queued = false;

  function stopLive(): void {
    unsubscribe?.();
    unsubscribe = undefined;
  }

  async function fetchOnce(gen: number): Promise<void> {
    try {
      const fresh = await getActivity(id.value);
      if (gen !== generation) return;
      activity.value = fresh;
      loadError.value = null;
    } catch (reason) {
      if (gen !== generation) return;
      const error = toApiError(reason);
      // A failed background refetch keeps what is shown (the next change retries), unless the
      // activity itself is gone for this user.
      if (!activity.value || isGone(error)) loadError.value = error;
      if (isGone(error)) {
        activity.value = null;
        stopLive();
      }
    }
  }

  /** Coalesces bursts of changes: at most one fetch in flight and one queued behind it. */
  function refresh(): Promise<void> {
    if (inFlight) {
      queued = true;
      return inFlight;
    }
    const gen = generation;
    const run = (async () => {
      do {
        queued = false;
        await fetchOnce(gen);
      } while (queued && gen === generation);
    })();
    inFlight = run.finally(() => {
      if (gen === generation) inFlight = null;
    });
    return inFlight;
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    // Times need the university's zone; without it they fall back to the launch zone (the store's rule).
    await Promise.all([refresh(), university.ensureLoaded().catch(() => undefined)]);
    loading.value = false;
  }

  function start(activityId: string): void {
    generation += 1;
    stopLive();
    inFlight = null;
    queued = false;
    activity.value = null;
    actionError.value = null;
    liveLost.value = false;
    // Listen before loading, so a change made while the first read runs is not missed.
    unsubscribe = subscribeToActivity(
      activityId,
      () => void refresh(),
      () => {
        liveLost.value = true;
      },
    );
    void load();
  }

  /** Resolves true when the action succeeded; on failure the error is in actionError. */
  async function act(action: () => Promise<unknown>): Promise<boolean> {
    pending.value = true;
    actionError.value = null;
    try {
      await action();
      await refresh();
      return true;
    } catch (reason) {
      actionError.value = toApiError(reason);
      // The refusal may mean the page is out of date (already answered, just cancelled): catch up.
      void refresh();
      return false;
    } finally {
      pending.value = false;
    }
  }

  watch(id, start, { immediate: true });
  onScopeDispose(() => {
    generation += 1;
    stopLive();
  });

  return {
    activity,
    loading,
    loadError,
    notFound,
    pending,
    actionError,
    liveLost,
    load,
    join: (note?: string) => act(() => joinActivity(id.value, note?.trim() || undefined)),
    leave: () => act(() => leaveActivity(id.value)),
    respond: (userId: string, approve: boolean) => act(() => respondToJoinRequest(id.value, userId, approve)),
    remove: (userId: string) => act(() => removeParticipant(id.value, userId)),
    cancel: () => act(() => cancelActivity(id.value)),
  };
}
