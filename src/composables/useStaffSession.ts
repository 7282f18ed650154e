import { onScopeDispose, ref, watch, type Ref } from 'vue';
import type { ClassSession } from '@/api/classes';
import { toApiError, type ApiError } from '@/api/errors';
import {
  cancelSession,
  checkIn,
  checkInByCode,
  getStaffSession,
  markNoShow,
  subscribeToStaffSession,
  updateSession,
  type Attendee,
  type UpdateSessionInput,
} from '@/api/staff';
import { useUniversityStore } from '@/stores/university';
import { followLive } from './followLive';

/**
 * A session at the door: the session and everyone booked or waiting, kept live while the page is
 * open (people book and cancel meanwhile), and what staff do there: check in by name or code, mark
 * no-shows, change the session, cancel it.
 */
export function useStaffSession(id: Ref<string>) {
  const university = useUniversityStore();
  const session = ref<ClassSession | null>(null);
  const attendees = ref<Attendee[]>([]);
  const loadError = ref<ApiError | null>(null);
  const pending = ref(false);
  const actionError = ref<ApiError | null>(null);
  const liveLost = ref(false);
  // The door's clock: "No-show" appears once the session starts, check-in closes when it ends.
  const now = ref(Date.now());
  const clock = setInterval(() => (now.value = Date.now()), 10_000);
  let generation = 0;
  let stop: (() => void) | undefined;

  async function refresh(): Promise<void> {
    const gen = generation;
    try {
      const fresh = await getStaffSession(id.value);
      if (gen !== generation) return;
      session.value = fresh.session;
      attendees.value = fresh.attendees;
      loadError.value = null;
    } catch (reason) {
      if (gen === generation && !session.value) loadError.value = toApiError(reason);
    }
  }

  function start(sessionId: string): void {
    generation += 1;
    stop?.();
    session.value = null;
    attendees.value = [];
    actionError.value = null;
    stop = followLive((onChange, onError) => subscribeToStaffSession(sessionId, onChange, onError), {
      stale: () => void refresh(),
      lost: () => (liveLost.value = true),
      resumed: () => {
        liveLost.value = false;
        void refresh();
      },
    });
    void Promise.all([refresh(), university.ensureLoaded().catch(() => undefined)]);
  }

  /** Resolves to the action's answer, or null when refused (the reason is then in actionError). */
  async function act<T>(action: () => Promise<T>): Promise<T | null> {
    pending.value = true;
    actionError.value = null;
    try {
      const result = await action();
      await refresh();
      return result;
    } catch (reason) {
      actionError.value = toApiError(reason);
      void refresh();
      return null;
    } finally {
      pending.value = false;
    }
  }

  watch(id, start, { immediate: true });
  onScopeDispose(() => {
    generation += 1;
    stop?.();
    clearInterval(clock);
  });

  return {
    now,
    session,
    attendees,
    loadError,
    pending,
    actionError,
    liveLost,
    reload: refresh,
    checkIn: (userId: string) => act(() => checkIn(id.value, userId)),
    checkInByCode: (code: string) => act(() => checkInByCode(id.value, code)),
    markNoShow: (userId: string) => act(() => markNoShow(id.value, userId)),
    update: (input: UpdateSessionInput) => act(() => updateSession(id.value, input)),
    cancel: (reason: string) => act(() => cancelSession(id.value, reason.trim() || null)),
  };
}
