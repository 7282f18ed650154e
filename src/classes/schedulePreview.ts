import { fromLocalInputValue } from '@/i18n/format';

/**
 * The dates a weekly series would get: the same wall-clock time in the university's zone every
 * week, as the server schedules them (so across the end of March and of October the UTC instant
 * moves by an hour and the time people see does not). `first` is a datetime-local value.
 */
export function weeklyStarts(first: string, weeks: number, timeZone: string): string[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(first);
  if (!match || !Number.isInteger(weeks) || weeks < 1) return [];
  const [, y, m, d, time] = match;
  return Array.from({ length: weeks }, (_, week) => {
    // Calendar arithmetic in UTC (no zone, no DST), then read as a wall-clock time in the zone.
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 7 * week));
    const date = day.toISOString().slice(0, 10);
    return fromLocalInputValue(`${date}T${time}`, timeZone);
  }).filter((iso): iso is string => iso !== null);
}
