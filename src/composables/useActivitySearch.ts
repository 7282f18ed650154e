import { listActivities } from '@/api/activities';
import type { ActivitySummary } from '@/api/activities';
import { toServerFilter, type FilterState } from '@/activities/filterQuery';
import { useUniversityStore } from '@/stores/university';
import { useCursorPages } from './useCursorPages';

export const PAGE_SIZE = 20;

/** A cursor-paged list of activity cards (Find, My activities). */
export const usePagedActivities = () => useCursorPages<ActivitySummary>();

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
