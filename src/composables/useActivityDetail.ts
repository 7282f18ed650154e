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
import type { Activity, ActivityAudience } from '@/api/activities';
import { useUniversityStore } from '@/stores/university';
import { followLive } from './followLive';
import { useStartClock } from './useStartClock';

/** The activity is not (or no longer) there for this user: another university, deleted, or a bad id. */
const isGone = (error: ApiError) => error.errorType === 'NotFound' || error.errorType === 'Forbidden';

/**
 * One activity's detail page: loads it, follows its live changes until the page closes or the id
 * changes (catching up after drops: see followLive), and runs the participation actions,
 * refetching after each so the page shows the truth. Actions resolve to the server's answer, or
 * null when refused (the reason is then in actionError).
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
  const now = useStartClock(activity);

  // Bumped whenever the page switches to another id: answers for the old id are dropped.
  let generation = 0;
  let stopFollowing: (() => void) | undefined;
  // Whose changes the page follows: everyone's (which never say who), or the host's once the page
  // knows this user hosts the activity (those say who, and include join requests).
  let following: ActivityAudience = 'PUBLIC';
  let inFlight: Promise<void> | null = null;
  let queued = false;

  function stopLive(): void {
    stopFollowing?.();
    stopFollowing = undefined;
  }

  async function fetchOnce(gen: number): Promise<void> {
    try {
      const fresh = await getActivity(id.value);
      if (gen !== generation) return;
      activity.value = fresh;
      loadError.value = null;
      if (fresh.myParticipation?.status === 'HOST' && following !== 'HOST' && stopFollowing) {
        follow(id.value, 'HOST');
        queued = true; // read once more: a change during the switch would be missed
      }
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
    const gen = generation;
    loading.value = true;
    loadError.value = null;
    // Times need the university's zone; without it they fall back to the launch zone (the store's rule).
    await Promise.all([refresh(), university.ensureLoaded().catch(() => undefined)]);
    // A load for an id the page has left must not end the loading of the current one.
    if (gen === generation) loading.value = false;
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
    follow(activityId, 'PUBLIC');
    void load();
  }

  function follow(activityId: string, audience: ActivityAudience): void {
    stopLive();
    following = audience;
    stopFollowing = followLive((onChange, onError) => subscribeToActivity(activityId, audience, onChange, onError), {
      stale: () => void refresh(),
      lost: () => {
        liveLost.value = true;
      },
      resumed: () => {
        liveLost.value = false;
        void refresh();
      },
    });
  }

  async function act<T>(action: () => Promise<T>): Promise<{ result: T } | null> {
    pending.value = true;
    actionError.value = null;
    try {
      const result = await action();
      await refresh();
      return { result };
    } catch (reason) {
      actionError.value = toApiError(reason);
      // The refusal may mean the page is out of date (already answered, just cancelled): catch up.
      void refresh();
      return null;
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
    now,
    load,
    join: (note?: string) => act(() => joinActivity(id.value, note?.trim() || undefined)),
    leave: () => act(() => leaveActivity(id.value)),
    respond: (userId: string, approve: boolean) => act(() => respondToJoinRequest(id.value, userId, approve)),
    remove: (userId: string) => act(() => removeParticipant(id.value, userId)),
    cancel: () => act(() => cancelActivity(id.value)),
  };
}
