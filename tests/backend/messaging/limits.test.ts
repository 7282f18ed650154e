/**
 * Limits on messages (issue 11): 30 a minute and 500 a day per sender, to everyone together,
 * counted in the database; the refusal is RateLimited and says when the next one may go.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { RATE_LIMITS } from '../../../backend/src/rules/limits.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, people } from './helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
});
afterAll(() => database.close());

const setNow = (at: Date | null) => {
  api.services.now = at ? () => at : () => new Date();
};
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('messages', () => {
  it(`refuses the ${RATE_LIMITS.messagesPerMinute + 1}st in a minute with RateLimited, and takes the next once the first is a minute old`, async () => {
    const t0 = new Date(Date.now() + 60_000);
    try {
      for (let i = 0; i < RATE_LIMITS.messagesPerMinute; i++) {
        setNow(later(t0, i * 100));
        // To two people: the limit is the sender's, whoever receives.
        await api.send('emma', i % 2 ? 'lucas' : 'noor', `message ${i}`, `minute-${i}`);
      }
      const before = await api.counts();
      setNow(later(t0, 5_000));
      const refusal = await api.send('emma', 'lucas', 'one too many', 'minute-extra').catch((e: unknown) => e);
      expect(refusal).toMatchObject({
        name: 'RateLimited',
        message: `You have sent 30 messages in the last minute. You can send the next one from ${later(t0, 60_000).toISOString()}.`,
        errorInfo: {
          code: 'rateLimit.messagesPerMinute',
          max: RATE_LIMITS.messagesPerMinute,
          retryAt: later(t0, 60_000).toISOString(),
          retryAfterSeconds: 55,
        },
      });
      expect(await api.counts()).toEqual(before);

      // A retry of a stored message is no new message: still answered.
      await expect(api.send('emma', 'noor', 'message 0', 'minute-0')).resolves.toMatchObject({ clientId: 'minute-0' });
      // Someone else writes freely.
      await expect(api.send('lucas', 'emma', 'all good?', 'lucas-1')).resolves.toBeTruthy();
      // A minute after the first, one more goes; the next waits for the second to age.
      setNow(later(t0, 60_001));
      await expect(api.send('emma', 'lucas', 'next minute', 'minute-next')).resolves.toBeTruthy();
      await expect(api.send('emma', 'lucas', 'and another', 'minute-next-2')).rejects.toMatchObject({
        name: 'RateLimited',
        errorInfo: { retryAt: later(t0, 60_100).toISOString() },
      });
    } finally {
      setNow(null);
    }
  });

  it(`refuses the ${RATE_LIMITS.messagesPerDay + 1}st in 24 hours, even at a slow pace`, async () => {
    const t0 = new Date(Date.now() + 2 * 60_000);
    // As 499 earlier sends over the last 20 hours would have left them (one every ~2.4 minutes).
    const earlier = Array.from({ length: RATE_LIMITS.messagesPerDay - 1 }, (_, i) =>
      later(t0, -20 * 3_600_000 + i * 144_000),
    );
    for (const at of earlier) {
      await sql`insert into rate_limit_events (user_id, action, at) values (${people.noor.sub}, 'message.send', ${at})`.execute(
        database.db,
      );
    }
    try {
      setNow(t0);
      await expect(api.send('noor', 'lucas', 'the 500th', 'day-500')).resolves.toBeTruthy();
      setNow(later(t0, 60_000));
      await expect(api.send('noor', 'lucas', 'the 501st', 'day-501')).rejects.toMatchObject({
        name: 'RateLimited',
        errorInfo: {
          code: 'rateLimit.messagesPerDay',
          max: RATE_LIMITS.messagesPerDay,
          retryAt: later(earlier[0]!, 24 * 3_600_000).toISOString(),
        },
      });
    } finally {
      setNow(null);
    }
  });

  it('lets no more than the minute’s limit through when many are sent at once', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: RATE_LIMITS.messagesPerMinute + 5 }, (_, i) => api.send('lucas', 'noor', `burst ${i}`)),
    );
    // Lucas sent one message in the first test (a minute or more ago on the real clock).
    const stored = settled.filter((s) => s.status === 'fulfilled').length;
    expect(stored).toBeLessThanOrEqual(RATE_LIMITS.messagesPerMinute);
    expect(stored).toBeGreaterThanOrEqual(RATE_LIMITS.messagesPerMinute - 1);
    for (const s of settled.filter((r) => r.status === 'rejected')) {
      expect((s as PromiseRejectedResult).reason).toMatchObject({ name: 'RateLimited' });
    }
  });
});
