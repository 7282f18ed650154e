import type { ClassSession } from '@/api/classes';
import type { CalendarEvent } from '@/calendar/ics';

/** A class session as a calendar event (its UID tells it apart from an activity with the same id). */
export function sessionEvent(session: ClassSession, url: string): CalendarEvent {
  const { sportsClass } = session;
  return {
    uid: `session-${session.id}`,
    title: sportsClass.name,
    description: [sportsClass.description, sportsClass.instructor].filter(Boolean).join('\n\n'),
    place: session.place,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    url,
    cancelled: session.status === 'CANCELLED',
  };
}
