import type { Activity } from '@/api/activities';

/**
 * One activity as an iCalendar file (RFC 5545) for any calendar app. Pure: the caller passes the
 * page's address and the current time, so tests can pin both.
 */
export type CalendarActivity = Pick<
  Activity,
  'id' | 'title' | 'description' | 'place' | 'mapUrl' | 'startsAt' | 'endsAt' | 'status'
>;

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

/** A file name from the title: "Beach volley @ Sportkot!" → "beach-volley-sportkot". */
export function icsFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'activity'}.ics`;
}

export function buildIcs(activity: CalendarActivity, options: { url: string; now: Date }): string {
  const description = [activity.description, activity.mapUrl].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Huddle//Activities//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${activity.id}@huddle`,
    `DTSTAMP:${toIcsUtc(options.now)}`,
    `DTSTART:${toIcsUtc(activity.startsAt)}`,
    `DTEND:${toIcsUtc(activity.endsAt)}`,
    `SUMMARY:${escapeText(activity.title)}`,
    `LOCATION:${escapeText(activity.place)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    // URL is a URI value, not TEXT: it is not escaped.
    `URL:${options.url}`,
    `STATUS:${activity.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
