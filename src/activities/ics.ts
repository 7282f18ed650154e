import type { Activity } from '@/api/activities';
import { buildCalendar, type CalendarEvent } from '@/calendar/ics';

export { escapeText, foldLine, icsFileName, toIcsUtc } from '@/calendar/ics';

/** What an activity's calendar event needs. */
export type CalendarActivity = Pick<
  Activity,
  'id' | 'title' | 'description' | 'place' | 'mapUrl' | 'startsAt' | 'endsAt' | 'status'
>;

export function activityEvent(activity: CalendarActivity, url: string): CalendarEvent {
  return {
    // The UID activities have always had, so calendars that imported one before keep updating it.
    uid: activity.id,
    title: activity.title,
    description: [activity.description, activity.mapUrl].filter(Boolean).join('\n\n'),
    place: activity.place,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    url,
    cancelled: activity.status === 'CANCELLED',
  };
}

/** One activity as an iCalendar file. */
export function buildIcs(activity: CalendarActivity, options: { url: string; now: Date }): string {
  return buildCalendar([activityEvent(activity, options.url)], { now: options.now });
}
