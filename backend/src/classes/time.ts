/**
 * Wall-clock time in a university's time zone, with only Intl (no date library): "every Tuesday
 * 18:00" must stay 18:00 local across the DST changes, and "one day" is a local day, not 24 hours.
 */

export interface LocalTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date and time shown on a clock in `timeZone` at `instant`. */
export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: instant.getUTCMilliseconds(),
  };
}

const asUtc = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);

/** Milliseconds the zone is ahead of UTC at `instant` (e.g. +2 h in Brussels in summer). */
export function zoneOffset(instant: Date, timeZone: string): number {
  return asUtc(toLocalTime(instant, timeZone)) - instant.getTime();
}

/**
 * The instant at which a clock in `timeZone` shows `local`. Day/month overflow is allowed (day 32
 * is the next month's first). The offset is checked twice because it may differ on either side
 * of a DST change; a time that does not exist locally (the skipped spring hour) moves forward.
 */
export function fromLocalTime(local: LocalTime, timeZone: string): Date {
  const guess = asUtc(local);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  const second = guess - zoneOffset(new Date(first), timeZone);
  return new Date(second);
}

/** Same local wall-clock time, `days` calendar days later. */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const local = toLocalTime(instant, timeZone);
  return fromLocalTime({ ...local, day: local.day + days }, timeZone);
}

/** [start, end) of the local day that contains `instant`. */
export function localDayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const local = toLocalTime(instant, timeZone);
  const midnight = { ...local, hour: 0, minute: 0, second: 0, millisecond: 0 };
  return {
    start: fromLocalTime(midnight, timeZone),
    end: fromLocalTime({ ...midnight, day: midnight.day + 1 }, timeZone),
  };
}

/** "Tuesday 3 March 2026 at 18:00" in the zone, for messages people read. */
export function formatLocal(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(instant);
}
