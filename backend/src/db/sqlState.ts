/**
 * The SQLSTATE of a failed statement, whichever way it reached us: node-postgres and PGlite put it
 * in the error's `code`; the RDS Data API has no such field and only ends its message with
 * `; SQLState: 40001` (a DatabaseErrorException).
 */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  return /SQLState: ([0-9A-Z]{5})\s*$/.exec(message)?.[1];
}
