/**
 * The RDS Data API's own exceptions that stand for a PostgreSQL condition, as the SQLSTATE
 * PostgreSQL gives that condition, so a caller decides once whichever way the database is reached.
 * - DatabaseResumingException: Aurora is waking from a pause and ran nothing; PostgreSQL says
 *   57P03 (cannot_connect_now) while it starts. An open transaction keeps the cluster awake, so
 *   this only comes before a transaction's first statement and running it again is safe.
 * - StatementTimeoutException: the statement ran past the Data API's limit and was cancelled;
 *   PostgreSQL says 57014 (query_canceled). Not retryable: the same statement would take as long.
 * DatabaseUnavailableException (failover) is left out: it may come from a commit whose outcome is
 * then unknown, and running that transaction again could apply it twice.
 */
const DATA_API_STATES: Record<string, string> = {
  DatabaseResumingException: '57P03',
  StatementTimeoutException: '57014',
};

/**
 * The SQLSTATE of a failed statement, whichever way it reached us: node-postgres and PGlite put it
 * in the error's `code`; the RDS Data API has no such field and only ends its message with
 * `; SQLState: 40001` (a DatabaseErrorException), or names the condition by its exception.
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  const name = (error as { name?: unknown }).name;
  if (typeof name === 'string' && Object.hasOwn(DATA_API_STATES, name)) return DATA_API_STATES[name];
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  return /SQLState: ([0-9A-Z]{5})\s*$/.exec(message)?.[1];
}

/**
 * The failures after which a whole transaction may simply run again, on PostgreSQL and on the Data
 * API alike: serialization failure and deadlock (PostgreSQL rolled it all back), and a database that
 * could not take the work yet (nothing ran).
 */
const RETRYABLE = new Set(['40001', '40P01', '57P03']);

export function isRetryable(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE.has(state);
}
