/**
 * iCalendar files (RFC 5545) for any calendar app: one event (an activity, a class session) or
 * many in one file. Pure: the caller passes the current time, so tests can pin it.
 */
export interface CalendarEvent {
  /** Unique across Huddle (`<kind>-<id>`), so a re-import updates the event instead of adding a copy. */
  uid: string;
  title: string;
  description?: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  /** The event's page in the app. */
  url: string;
  cancelled: boolean;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** TEXT values (RFC 5545 §3.3.11): backslash first, then ; , and any newline as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are split, each continuation starting with one space (§3.1). Counted
 * in UTF-8 octets and split only between characters, so "é" or an emoji is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines spend one octet on the leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** "2026-11-28T17:00:00.000Z" → "20261128T170000Z" (a UTC DATE-TIME, §3.3.5 form #2). */
export function toIcsUtc(value: string | Date): string {
  const iso = (value instanceof Date ? value : new Date(value)).toISOString();
  return iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A file name from a title: "Beach volley @ Sportkot!" → "beach-volley-sportkot.ics". */
export function icsFileName(title: string, fallback = 'activity'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || fallback}.ics`;
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}@huddle`,
    `DTSTAMP:${toIcsUtc(now)}`,
    `DTSTART:${toIcsUtc(event.startsAt)}`,
    `DTEND:${toIcsUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.place)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    // URL is a URI value, not TEXT: it is not escaped.
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** One calendar holding these events, in the order given. */
export function buildCalendar(events: readonly CalendarEvent[], options: { now: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Huddle//Activities//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...events.flatMap((event) => eventLines(event, options.now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Hands a calendar file to the browser as a download. */
export function downloadCalendar(fileName: string, ics: string): void {
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has taken its copy by then (Firefox needs the delay).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
