import { computed, ref } from 'vue';
import { listClasses, listSessions, type ClassSession } from '@/api/classes';
import type { Sport } from '@/api/activities';
import { fromLocalInputValue } from '@/i18n/format';
import { byDay, nextDays } from '@/classes/timetableDays';
import { useUniversityStore } from '@/stores/university';
import { useAsync } from './useAsync';

/** How far ahead the timetable looks: two weeks, one more than booking opens by default. */
export const TIMETABLE_DAYS = 14;

export interface TimetableFilters {
  sport: Sport | null;
  classId: string | null;
}

/**
 * The timetable's data: every session of my university for the coming two weeks (all pages, so a
 * day's list is whole), grouped by local day, filtered by sport and class on the server, and the
 * classes for the class filter.
 */
export function useTimetable() {
  const university = useUniversityStore();
  const now = ref(new Date());
  const days = computed(() => nextDays(now.value, TIMETABLE_DAYS, university.timeZone));

  const sessions = useAsync(async (filters: TimetableFilters) => {
    const { timeZone } = await university.ensureLoaded();
    now.value = new Date();
    const [first] = nextDays(now.value, 1, timeZone);
    const from = fromLocalInputValue(`${first}T00:00`, timeZone)!;
    const to = new Date(Date.parse(from) + (TIMETABLE_DAYS + 1) * 86_400_000).toISOString();
    const all: ClassSession[] = [];
    let nextToken: string | null = null;
    do {
      const page = await listSessions({ from, to, ...filters }, { limit: 100, nextToken });
      all.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    return all;
  });
  const classes = useAsync(listClasses);
  const sessionsByDay = computed(() => byDay(sessions.data.value ?? [], university.timeZone));

  return {
    days,
    sessionsByDay,
    loading: sessions.loading,
    error: sessions.error,
    load: (filters: TimetableFilters) => sessions.run(filters),
    retry: sessions.retry,
    classes: classes.data,
    loadClasses: () => classes.run(),
  };
}
