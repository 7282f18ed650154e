import { currentLocale } from './index';

/**
 * Dates and times in the user's language and the university's time zone: an activity at 18:00
 * in Leuven is shown as 18:00 whatever the device's zone. Formatters are cached per key because
 * building one is far slower than using it.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = currentLocale();
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-BE`, { timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
};

/** "Sat 28 Nov, 18:00" */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, DATE_TIME).format(new Date(iso));
}

/**
 * The first date formatter of a page's life costs ~15 ms of CPU (~60 ms on a slow phone: the
 * browser initialises its date and calendar data); every later one costs under 1 ms. Made in a
 * task of its own at start-up, while the first page's code and data are on their way, that cost
 * no longer lands in the task that renders the first page (which reads today's date, or formats
 * a time), where it lengthened the longest task the user waits on.
 */
export function warmUpDateFormatting(): void {
  setTimeout(() => localDay(new Date(), 'UTC'), 0);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-29": the calendar date of an instant in a zone. */
export function localDay(instant: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "Saturday 28 November 2026" */
export function formatLongDate(iso: string, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/**
 * A calendar date ("2026-03-29", no time) in the user's language, e.g. its weekday or day number.
 * Shown in UTC so the date never shifts with the device's zone.
 */
export function formatCalendarDay(day: string, options: Intl.DateTimeFormatOptions): string {
  return formatter('UTC', options).format(new Date(`${day}T12:00:00Z`));
}

/** "18:00" */
export function formatTime(iso: string, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The wall-clock date and time of an instant in a zone, as a datetime-local input wants it. */
export function toLocalInputValue(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * The instant at which a zone's wall clock shows `value` ("2026-11-28T18:00"), as ISO. Works by
 * guessing UTC, reading the zone's offset at that guess, and correcting once more for DST edges.
 */
export function fromLocalInputValue(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wallAsUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  let instant = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  instant = wallAsUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

function offsetMs(instant: number, timeZone: string): number {
  const wall = toLocalInputValue(new Date(instant).toISOString(), timeZone);
  const [date, time] = wall.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60_000) * 60_000;
}
