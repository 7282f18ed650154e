import { listMyActivities } from '@/api/activities';
import type { ActivityRelation, TimeScope } from '@/api/activities';
import { useUniversityStore } from '@/stores/university';
import { PAGE_SIZE, usePagedActivities } from './useActivitySearch';

/** The My activities screen's data: what I host, joined, requested or wait for, upcoming or past. */
export function useMyActivities() {
  const university = useUniversityStore();
  const list = usePagedActivities();

  function show(relation: ActivityRelation, when: TimeScope): Promise<void> {
    return list.start(async (nextToken) => {
      // Times on the cards are the university's: know its zone before showing any.
      await university.ensureLoaded();
      return listMyActivities(relation, when, { limit: PAGE_SIZE, nextToken });
    });
  }

  return { ...list, show };
}
