import type { Transaction } from 'kysely';
import type { Services } from '../context.js';
import type { Database } from '../db/types.js';
import { rateLimited } from '../errors.js';
import type { ErrorCode } from '../rules/errorCodes.js';
import { RATE_LIMITS, type RateLimits } from '../rules/limits.js';

/** The limits in force: the rules' numbers, unless this process was started with others. */
export function rateLimitsOf(services: Services): RateLimits {
  return { ...RATE_LIMITS, ...services.rateLimits };
}

export interface WindowLimit {
  /** What is counted (`rate_limit_events.action`). */
  action: string;
  max: number;
  windowMs: number;
  code: ErrorCode;
  /** The refusal's sentence; the app shows its own words for the code. */
  message: (retryAt: Date) => string;
}

/**
 * Counts one more `action` of the user inside the caller's transaction, or refuses it with
 * `RateLimited` when any limit's window is full. The profile row's lock makes one user's limited
 * writes take turns, so two at once cannot both take the last place; the event is stored with the
 * write, so a write that rolls back counts for nothing. When refused, `retryAt` is when the oldest
 * counted action leaves the window.
 */
export async function takeFromLimits(
  trx: Transaction<Database>,
  userId: string,
  limits: readonly WindowLimit[],
  now: Date,
): Promise<void> {
  await trx.selectFrom('profiles').select('id').where('id', '=', userId).forUpdate().execute();
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const counted = await trx
      .selectFrom('rate_limit_events')
      .select('at')
      .where('user_id', '=', userId)
      .where('action', '=', limit.action)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(limit.max)
      .execute();
    if (counted.length >= limit.max) {
      // The max-th most recent leaves the window first among those that keep it full.
      const retryAt = new Date(counted[limit.max - 1]!.at.getTime() + limit.windowMs);
      throw rateLimited(limit.code, limit.message(retryAt), retryAt, now, { max: limit.max });
    }
  }
  const action = limits[0]!.action;
  const longest = Math.max(...limits.map((l) => l.windowMs));
  await trx
    .deleteFrom('rate_limit_events')
    .where('user_id', '=', userId)
    .where('action', '=', action)
    .where('at', '<=', new Date(now.getTime() - longest))
    .execute();
  await trx.insertInto('rate_limit_events').values({ user_id: userId, action, at: now }).execute();
}
