// The gateway's bound on requests in progress, run in virtual time against a server that answers
// one request at a time (as the embedded database does): under overload it keeps serving at
// capacity and holds the wait down on a fast and a slow machine alike; under light load and bursts
// it refuses nothing.
import { describe, expect, it } from 'vitest';
import { createAdmission } from '../../../backend/local/appsync/admission.js';

interface Run {
  served: number;
  refused: number;
  /** latencies of the requests that arrived after the first 5 s, once the bound has settled */
  latencies: number[];
  seconds: number;
}

const SETTLED_AFTER_MS = 5000;

/** Requests arriving at `arrivals` (ms), served one at a time for `serviceMs` each. */
function simulate(arrivals: number[], serviceMs: number, options = { max: 64, min: 4, targetMs: 300 }): Run {
  let clock = 0;
  const admission = createAdmission({ ...options, now: () => clock });
  const running: { at: number; arrived: number; release: () => void }[] = [];
  const latencies: number[] = [];
  let lastFinish = 0;
  let refused = 0;
  let served = 0;
  const finishUntil = (t: number) => {
    while (running.length && running[0]!.at <= t) {
      const done = running.shift()!;
      clock = done.at;
      done.release();
      served += 1;
      if (done.arrived >= SETTLED_AFTER_MS) latencies.push(done.at - done.arrived);
    }
  };
  for (const arrival of arrivals) {
    finishUntil(arrival);
    clock = arrival;
    const release = admission.enter();
    if (!release) {
      refused += 1;
      continue;
    }
    lastFinish = Math.max(clock, lastFinish) + serviceMs;
    running.push({ at: lastFinish, arrived: clock, release });
  }
  finishUntil(Infinity);
  return { served, refused, latencies: latencies.sort((a, b) => a - b), seconds: clock / 1000 };
}

const p99 = (sorted: number[]) => sorted[Math.ceil(0.99 * sorted.length) - 1]!;
const steady = (perSecond: number, seconds: number) =>
  Array.from({ length: perSecond * seconds }, (_, i) => (i * 1000) / perSecond);

describe('at twice the capacity', () => {
  it.each([
    ['a fast machine (200 requests/s)', 5],
    ['a slow or busy one (40 requests/s)', 25],
  ])(
    'on %s it serves at capacity, holds the wait well under a second once settled, and refuses the rest',
    (_name, serviceMs) => {
      const capacity = 1000 / serviceMs;
      const run = simulate(steady(2 * capacity, 30), serviceMs);
      expect(run.served / run.seconds).toBeGreaterThanOrEqual(0.95 * capacity);
      expect(p99(run.latencies)).toBeLessThan(600);
      expect(run.refused).toBeGreaterThan(0.4 * 2 * capacity * 30);
    },
  );

  it('where a fixed bound of 64 would keep a slow machine’s requests waiting over a second', () => {
    const fixed = simulate(steady(80, 30), 25, { max: 64, min: 64, targetMs: 300 });
    expect(p99(fixed.latencies)).toBeGreaterThan(1000);
  });
});

describe('under light load', () => {
  it('refuses nothing, bursts of 40 at once included', () => {
    const bursts = Array.from({ length: 20 }, (_, second) => Array.from({ length: 40 }, () => second * 1000)).flat();
    const run = simulate(bursts, 5);
    expect(run.refused).toBe(0);
  });

  it('does not admit fewer because one query is slow while little else runs', () => {
    const run = simulate(steady(2, 30), 900);
    expect(run.refused).toBe(0);
  });
});
