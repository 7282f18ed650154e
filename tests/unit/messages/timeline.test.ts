import { describe, expect, it } from 'vitest';
import { buildTimeline, mergeMessages } from '@/messages/timeline';
import { BEN, ME, makeMessage, makeOutboxEntry, mine } from './fixtures';

const ZONE = 'Europe/Brussels';
const at = (time: string) => `2026-11-26T${time}:00.000Z`; // Brussels is UTC+1 in November

function timeline(
  messages = [makeMessage()],
  options: { outbox?: ReturnType<typeof makeOutboxEntry>[]; otherReadAt?: string | null } = {},
) {
  return buildTimeline({
    messages,
    outbox: options.outbox ?? [],
    me: ME,
    otherReadAt: options.otherReadAt ?? null,
    timeZone: ZONE,
  });
}

describe('buildTimeline', () => {
  it('groups one sender’s messages a few minutes apart under one name and time, and starts a group otherwise', () => {
    const days = timeline([
      makeMessage({ createdAt: at('09:00') }),
      makeMessage({ createdAt: at('09:03') }),
      makeMessage({ createdAt: at('09:09') }), // more than five minutes after the previous
      mine({ createdAt: at('09:10') }),
      mine({ createdAt: at('09:11') }),
    ]);
    expect(days).toHaveLength(1);
    expect(days[0]!.items.map((item) => [item.mine, item.startsGroup])).toEqual([
      [false, true],
      [false, false],
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('puts a separator per day, in the university’s time zone', () => {
    const days = timeline([
      makeMessage({ createdAt: '2026-11-25T22:30:00.000Z' }), // 23:30 in Brussels, the 25th
      makeMessage({ createdAt: '2026-11-25T23:10:00.000Z' }), // 00:10 in Brussels, the 26th
    ]);
    expect(days.map((day) => day.day)).toEqual(['2026-11-25', '2026-11-26']);
    // A new day starts a new group even within five minutes' reach.
    expect(days[1]!.items[0]!.startsGroup).toBe(true);
  });

  it('sorts by time and shows each message once, however often it arrived', () => {
    const a = makeMessage({ createdAt: at('09:00') });
    const b = makeMessage({ createdAt: at('09:01') });
    const merged = mergeMessages([b], [a, b, { ...a }]);
    expect(merged.map((m) => m.id)).toEqual([a.id, b.id]);
  });

  it('says Sent under my last stored message, and Seen once the other person read up to it', () => {
    const first = mine({ createdAt: at('09:00') });
    const last = mine({ createdAt: at('09:01') });
    const reply = makeMessage({ createdAt: at('09:02') });
    const statuses = (otherReadAt: string | null) =>
      timeline([first, last, reply], { otherReadAt })[0]!.items.map((item) => item.status);
    expect(statuses(null)).toEqual([null, 'sent', null]);
    expect(statuses(at('09:00'))).toEqual([null, 'sent', null]);
    expect(statuses(at('09:01'))).toEqual([null, 'seen', null]);
  });

  it('adds my outbox messages after everything stored, in the order written, as sending or not sent', () => {
    const stored = makeMessage({ createdAt: at('09:00') });
    const waiting = makeOutboxEntry({ createdAt: at('08:00') }); // this device's clock is behind
    const refused = makeOutboxEntry({ state: 'failed', createdAt: at('09:01') });
    const items = timeline([stored], { outbox: [waiting, refused] })[0]!.items;
    expect(items.map((item) => [item.key, item.status])).toEqual([
      [stored.id, null],
      [waiting.clientId, 'sending'],
      [refused.clientId, 'failed'],
    ]);
    expect(items[1]!.at).toBe(stored.createdAt);
    expect(items[1]!.pending).toEqual(waiting);
  });

  it('shows a message once when the server stored it and the outbox still holds it', () => {
    const entry = makeOutboxEntry();
    const stored = mine({ clientId: entry.clientId, text: entry.text });
    const items = timeline([stored], { outbox: [entry] }).flatMap((day) => day.items);
    expect(items.map((item) => item.key)).toEqual([stored.id]);
    // Only my own clientIds count: Ben may use the same one for his messages.
    const his = makeMessage({ clientId: entry.clientId, senderId: BEN.id });
    expect(timeline([his], { outbox: [entry] }).flatMap((day) => day.items)).toHaveLength(2);
  });
});
