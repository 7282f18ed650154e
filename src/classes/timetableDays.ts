/** The timetable's days: local calendar days in the university's zone, and sessions grouped by them. */
import { localDay } from '@/i18n/format';

/** `count` consecutive local dates from today's. */
export function nextDays(now: Date, count: number, timeZone: string): string[] {
  const today = localDay(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10));
}

/** Sessions by local date, each day in start order (the server's order is kept). */
export function byDay<T extends { startsAt: string }>(sessions: readonly T[], timeZone: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const session of sessions) {
    const day = localDay(session.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return days;
}
