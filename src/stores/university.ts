import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { getMe } from '@/api/profile';
import type { University } from '@/api/profile';
import { useSessionStore } from './session';

/**
 * The signed-in user's university, read once per session: every activity screen shows times in
 * its time zone, so they share one read instead of each asking the API. Forgotten on sign-out.
 */
export const useUniversityStore = defineStore('university', () => {
  const university = ref<University | null>(null);
  let pending: Promise<University> | undefined;

  /** Until the university is known, times are shown in the zone of the universities served so far. */
  const timeZone = computed(() => university.value?.timeZone ?? 'Europe/Brussels');

  function ensureLoaded(): Promise<University> {
    if (university.value) return Promise.resolve(university.value);
    pending ??= getMe()
      .then((me) => (university.value = me.university))
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  const session = useSessionStore();
  watch(
    () => session.user?.sub,
    () => {
      university.value = null;
    },
  );

  return { university, timeZone, ensureLoaded };
});
