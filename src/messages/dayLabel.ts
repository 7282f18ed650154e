import { currentLocale } from '@/i18n';
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

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "28 Nov": an earlier day in the conversation list, in the reader's language and the university's zone. */
export function formatShortDate(iso: string, timeZone: string): string {
  const locale = currentLocale();
  const key = `${locale}|${timeZone}`;
  let format = shortDates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, {
      day: 'numeric',
      month: 'short',
      timeZone,
    });
    shortDates.set(key, format);
  }
  return format.format(new Date(iso));
}
