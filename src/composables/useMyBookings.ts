import { ref } from 'vue';
import { activityEvent } from '@/activities/ics';
import { getBookingRecord, listMyBookings, type Booking } from '@/api/classes';
import { listMyActivities, type ActivitySummary, type TimeScope } from '@/api/activities';
import { toApiError, type ApiError } from '@/api/errors';
import { buildCalendar, downloadCalendar } from '@/calendar/ics';
import { sessionEvent } from '@/classes/sessionCalendar';
import { useUniversityStore } from '@/stores/university';
import { useAsync } from './useAsync';
import { useCursorPages } from './useCursorPages';

const PAGE_SIZE = 20;

/** Every page of a paged list (for a calendar file of everything upcoming). */
async function allPages<T>(fetch: (nextToken: string | null) => Promise<{ items: T[]; nextToken: string | null }>) {
  const items: T[] = [];
  let nextToken: string | null = null;
  do {
    const page = await fetch(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

/**
 * My bookings: upcoming or past, a page at a time; my record of late cancels and no-shows (and a
 * block, while one holds); and, for one calendar file, everything upcoming I booked or take part in.
 */
export function useMyBookings() {
  const university = useUniversityStore();
  const list = useCursorPages<Booking>();
  const record = useAsync(getBookingRecord);

  function show(when: TimeScope): Promise<void> {
    return list.start(async (nextToken) => {
      await university.ensureLoaded();
      return listMyBookings(when, { limit: PAGE_SIZE, nextToken });
    });
  }

  /** Upcoming bookings that hold or wait for a place, and upcoming activities I host or joined. */
  async function upcomingPlans(): Promise<{ bookings: Booking[]; activities: ActivitySummary[] }> {
    const [bookings, hosting, joined] = await Promise.all([
      allPages((nextToken) => listMyBookings('UPCOMING', { limit: 100, nextToken })),
      allPages((nextToken) => listMyActivities('HOSTING', 'UPCOMING', { limit: 100, nextToken })),
      allPages((nextToken) => listMyActivities('JOINED', 'UPCOMING', { limit: 100, nextToken })),
    ]);
    return {
      bookings: bookings.filter((b) => b.status === 'CONFIRMED' || b.status === 'WAITLISTED'),
      activities: [...hosting, ...joined].filter((a) => a.status === 'SCHEDULED'),
    };
  }

  const exporting = ref(false);
  const exportError = ref<ApiError | null>(null);

  /** Downloads one calendar file of everything upcoming; `pageOf` gives each event's address in the app. */
  async function exportCalendar(pageOf: (kind: 'class-session' | 'activity', id: string) => string): Promise<void> {
    exporting.value = true;
    exportError.value = null;
    try {
      const plans = await upcomingPlans();
      const events = [
        ...plans.bookings.map((b) => sessionEvent(b.session, pageOf('class-session', b.sessionId))),
        ...plans.activities.map((a) =>
          activityEvent({ ...a, description: '', mapUrl: null }, pageOf('activity', a.id)),
        ),
      ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      downloadCalendar('huddle-upcoming.ics', buildCalendar(events, { now: new Date() }));
    } catch (reason) {
      exportError.value = toApiError(reason);
    } finally {
      exporting.value = false;
    }
  }

  return {
    ...list,
    show,
    record: record.data,
    recordError: record.error,
    loadRecord: () => record.run(),
    exporting,
    exportError,
    exportCalendar,
  };
}
