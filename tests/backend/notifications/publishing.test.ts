/**
 * The publisher in front of AppSync's IAM publish mutations: many notifications from one write go
 * out a few at a time, a throttled push is tried again, and what is lost is said in the log.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationRow } from '../../../backend/src/db/types.js';
import { graphqlPublisher, type IamExecutor } from '../../../backend/src/publishing.js';

const rows = (count: number): NotificationRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `n-${i}`,
    user_id: `user-${i}`,
    type: 'ACTIVITY_CANCELLED',
    actor_id: 'host',
    activity_id: 'a-1',
    session_id: null,
    conversation_id: null,
    data: {},
    created_at: new Date('2026-03-01T10:00:00Z'),
    read_at: null,
  }));

const idOf = (variables: Record<string, unknown>) => (variables.input as { id: string }).id;
const limits = { concurrency: 4, attempts: 3, backoffMs: 1, timeoutMs: 1_000, budgetMs: 10_000 };

/** An AppSync stand-in whose Lambda takes 5 ms and throttles each event's first try when asked. */
function fakeAppSync(answer: (id: string, attempt: number) => { errors?: unknown[] } = () => ({})) {
  let inFlight = 0;
  const seen = { peak: 0, tries: new Map<string, number>(), delivered: [] as string[] };
  const execute: IamExecutor = async (_query, variables, signal) => {
    const id = idOf(variables);
    const attempt = (seen.tries.get(id) ?? 0) + 1;
    seen.tries.set(id, attempt);
    inFlight++;
    seen.peak = Math.max(seen.peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    // A request abandoned by the publisher (its signal aborted) is not an answered one.
    if (signal?.aborted) throw new Error('aborted');
    const result = answer(id, attempt);
    if (!result.errors) seen.delivered.push(id);
    return result;
  };
  return { execute, seen };
}

describe('graphqlPublisher', () => {
  it('pushes 100 notifications of one write with at most 4 Lambda invocations at once, all of them', async () => {
    const { execute, seen } = fakeAppSync();
    await graphqlPublisher(execute, () => undefined, limits).notifications(rows(100));
    expect(seen.peak).toBe(4);
    expect(seen.delivered.sort()).toEqual(
      rows(100)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('tries a throttled push again and logs nothing when it then goes through', async () => {
    const throttled = { errors: [{ errorType: 'Lambda:TooManyRequestsException', message: 'Rate Exceeded.' }] };
    const { execute, seen } = fakeAppSync((_id, attempt) => (attempt === 1 ? throttled : {}));
    const log: string[] = [];
    await graphqlPublisher(execute, (line) => log.push(line), limits).notifications(rows(10));
    expect(seen.delivered).toHaveLength(10);
    expect([...seen.tries.values()]).toEqual(Array(10).fill(2));
    expect(log).toEqual([]);
  });

  it('gives up after the last try, or at once on a refusal, and says how many were not pushed', async () => {
    const { execute, seen } = fakeAppSync((id) =>
      id === 'n-0'
        ? { errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }] }
        : id === 'n-1'
          ? { errors: [{ errorType: 'NotFound', message: 'Profile was not found.' }] }
          : {},
    );
    const log: string[] = [];
    await graphqlPublisher(execute, (line) => log.push(line), limits).notifications(rows(3));
    expect(seen.tries.get('n-0')).toBe(3);
    expect(seen.tries.get('n-1')).toBe(1);
    expect(log).toHaveLength(3);
    expect(log[2]).toBe('2 of 3 notifications were stored but not pushed live');
  });

  it('abandons a push that hangs after its timeout, aborting its request, and the write is answered', async () => {
    const aborted: string[] = [];
    const execute: IamExecutor = (_query, variables, signal) => {
      const id = idOf(variables);
      if (id !== 'n-0') return Promise.resolve({});
      // An AppSync that never answers; the request learns it was given up through its signal.
      signal?.addEventListener('abort', () => aborted.push(id));
      return new Promise(() => undefined);
    };
    const log: string[] = [];
    const started = Date.now();
    await graphqlPublisher(execute, (line) => log.push(line), { ...limits, attempts: 2, timeoutMs: 50 }).notifications(
      rows(3),
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(aborted).toEqual(['n-0', 'n-0']);
    expect(log).toEqual([
      'publish failed: no answer within 50 ms',
      '1 of 3 notifications were stored but not pushed live',
    ]);
  });

  it('gives up what is left when one write’s pushes take longer than its budget', async () => {
    const { execute, seen } = fakeAppSync();
    const log: string[] = [];
    const started = Date.now();
    // One at a time, 5 ms each: 200 pushes would take a second, the budget is 60 ms.
    await graphqlPublisher(execute, (line) => log.push(line), {
      ...limits,
      concurrency: 1,
      budgetMs: 60,
    }).notifications(rows(200));
    // Counted as the call returns: the push in flight at the deadline was abandoned, even if it lands later.
    const delivered = seen.delivered.length;
    expect(Date.now() - started).toBeLessThan(600);
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(100);
    expect(log.at(-1)).toBe(`${200 - delivered} of 200 notifications were stored but not pushed live`);
    // The untried ones are only counted: at most the one in flight at the deadline has a line.
    expect(log.length).toBeLessThanOrEqual(2);
  });
});
