import { onScopeDispose, ref, watch, type Ref } from 'vue';

// setTimeout fires at once for waits above 2^31 - 1 ms (about 24.8 days): wait in steps instead.
const LONGEST_TIMEOUT_MS = 2_147_483_647;

/**
 * "Now", for rules that change when an activity starts: it is read again with every fresh copy of
 * the activity and once more at its start, so an open page stops offering Join or Leave by itself.
 */
export function useStartClock(activity: Ref<{ startsAt: string } | null>): Ref<Date> {
  const now = ref(new Date());
  let timer: ReturnType<typeof setTimeout> | undefined;

  function tick(): void {
    clearTimeout(timer);
    timer = undefined;
    now.value = new Date();
    if (!activity.value) return;
    const wait = new Date(activity.value.startsAt).getTime() - now.value.getTime();
    if (wait > 0) timer = setTimeout(tick, Math.min(wait, LONGEST_TIMEOUT_MS));
  }

  // Every refetch replaces the object, so this re-arms the timer for a moved start time too.
  watch(activity, tick, { immediate: true });
  onScopeDispose(() => clearTimeout(timer));
  return now;
}
