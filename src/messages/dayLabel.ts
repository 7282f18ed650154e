import { toLocalInputValue } from '@/i18n/format';

export type DayName = { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; iso: string };

/** A chat's day (YYYY-MM-DD in the university's zone) as today, yesterday, or a date to format. */
export function dayName(day: string, timeZone: string, now: Date = new Date()): DayName {
  const today = toLocalInputValue(now.toISOString(), timeZone).slice(0, 10);
  if (day === today) return { kind: 'today' };
  // Noon UTC of the calendar day: one day back stays on the previous date whatever the zone's offset.
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  if (day === yesterday) return { kind: 'yesterday' };
  return { kind: 'date', iso: `${day}T12:00:00Z` };
}
