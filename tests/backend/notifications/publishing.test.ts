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
const limits = { concurrency: 4, attempts: 3, backoffMs: 1 };

/** An AppSync stand-in whose Lambda takes 5 ms and throttles each event's first try when asked. */
function fakeAppSync(answer: (id: string, attempt: number) => { errors?: unknown[] } = () => ({})) {
  let inFlight = 0;
  const seen = { peak: 0, tries: new Map<string, number>(), delivered: [] as string[] };
  const execute: IamExecutor = async (_query, variables) => {
    const id = idOf(variables);
    const attempt = (seen.tries.get(id) ?? 0) + 1;
    seen.tries.set(id, attempt);
    inFlight++;
    seen.peak = Math.max(seen.peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
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
});
