import type { Transaction } from 'kysely';
import type { Services } from '../context.js';
import type { Database } from '../db/types.js';

// serialization_failure and deadlock_detected: PostgreSQL asks the client to run the transaction again.
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 4;

/** Runs `fn` in a transaction, again (a few times) when PostgreSQL reports a serialization failure or deadlock. */
export async function withTransaction<T>(
  services: Services,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await services.db.transaction().execute(fn);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
