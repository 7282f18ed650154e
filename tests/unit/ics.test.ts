import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsFileName, toIcsUtc } from '@/activities/ics';
import { makeActivity } from './activityFixtures';

const NOW = new Date('2026-11-26T09:05:07.123Z');
const URL_OF_PAGE = 'https://huddle.example/activities/act-1';

/** Undoes folding (RFC 5545 §3.1), as a calendar app reads the file. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('ics', () => {
  it('escapes backslash, semicolon, comma and every kind of newline in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('writes times as UTC basic format', () => {
    expect(toIcsUtc('2026-11-28T17:00:00.000Z')).toBe('20261128T170000Z');
    // An offset is converted, not dropped: 18:30 in Brussels is 17:30 UTC.
    expect(toIcsUtc('2026-11-28T18:30:00+01:00')).toBe('20261128T173000Z');
    expect(toIcsUtc(NOW)).toBe('20261126T090507Z');
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    expect(foldLine('short')).toBe('short');
    const line = `SUMMARY:${'é'.repeat(40)}${'🏐'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('builds one confirmed VEVENT with UTC times, escaped text and CRLF line endings', () => {
    const activity = makeActivity({
      title: 'Volley; beach, sun',
      description: 'Bring water.\nAnd a towel.',
      place: 'Sportkot, Leuven',
    });
    const ics = buildIcs(activity, { url: URL_OF_PAGE, now: NOW });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).trimEnd().split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'PRODID:-//Huddle//Activities//EN',
        'CALSCALE:GREGORIAN',
        'BEGIN:VEVENT',
        'UID:act-1@huddle',
        'DTSTAMP:20261126T090507Z',
        'DTSTART:20261128T170000Z',
        'DTEND:20261128T183000Z',
        'SUMMARY:Volley\\; beach\\, sun',
        'LOCATION:Sportkot\\, Leuven',
        `DESCRIPTION:Bring water.\\nAnd a towel.\\n\\n${activity.mapUrl}`,
        `URL:${URL_OF_PAGE}`,
        'STATUS:CONFIRMED',
        'END:VEVENT',
      ]),
    );
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled activity as cancelled', () => {
    const ics = buildIcs(makeActivity({ status: 'CANCELLED' }), { url: URL_OF_PAGE, now: NOW });
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).not.toContain('CONFIRMED');
  });

  it('names the file after the title', () => {
    expect(icsFileName('Beach volleyball at the Sportkot')).toBe('beach-volleyball-at-the-sportkot.ics');
    expect(icsFileName('Café-run @ Parc de Woluwé!')).toBe('cafe-run-parc-de-woluwe.ics');
    expect(icsFileName('🏐🏐')).toBe('activity.ics');
  });
});
