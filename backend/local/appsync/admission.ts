/**
 * How many GraphQL requests the gateway serves at once; the others are answered 429 at once.
 *
 * A fixed number would bound the wait only on a machine of a known speed: admitted requests queue
 * for the embedded database's one connection, so the last one waits about
 * `in progress ÷ requests answered per second` (Little's law). So the bound follows the rate at
 * which requests are answered while the gateway is full: `rate × targetMs` keeps the wait near the
 * target on a fast laptop and on a slow or busy one alike. While it is not full the rate says only
 * how much is asked, not what could be served, and the bound grows back towards `max`.
 */
export interface AdmissionOptions {
  /** the most requests in progress at once (also the start value) */
  max: number;
  /** never fewer than this: a few requests are always served */
  min: number;
  /** how long an admitted request should wait at most, roughly, under overload */
  targetMs: number;
  now?: () => number;
}

export interface Admission {
  /** A place for one request, with the function that gives it back; null when full (answer 429). */
  enter(): (() => void) | null;
  readonly limit: number;
  readonly inProgress: number;
}

/** How long the answer rate is counted over before the bound moves. */
const WINDOW_MS = 500;

export function createAdmission(opts: AdmissionOptions): Admission {
  const now = opts.now ?? (() => performance.now());
  let limit = opts.max;
  let inProgress = 0;
  let windowStart = now();
  let answered = 0;
  let full = false; // did a request find the gateway full during this window?

  function endWindowIfDue(): void {
    const t = now();
    if (t - windowStart < WINDOW_MS) return;
    const rate = (answered * 1000) / (t - windowStart);
    const fitting = full ? (rate * opts.targetMs) / 1000 : opts.max;
    limit = Math.min(opts.max, Math.max(opts.min, (limit + fitting) / 2));
    windowStart = t;
    answered = 0;
    full = false;
  }

  return {
    enter() {
      endWindowIfDue();
      if (inProgress >= Math.floor(limit)) {
        full = true;
        return null;
      }
      inProgress += 1;
      if (inProgress >= Math.floor(limit)) full = true;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        inProgress -= 1;
        answered += 1;
        endWindowIfDue();
      };
    },
    get limit() {
      return Math.floor(limit);
    },
    get inProgress() {
      return inProgress;
    },
  };
}
