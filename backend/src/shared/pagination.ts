import { validation } from '../errors.js';
import { PAGE_LIMITS } from '../rules/limits.js';

/**
 * Cursor paging. A nextToken is opaque to clients: base64url of the sort key of the last item
 * returned. The next page continues strictly after it, so rows added meanwhile never shift pages.
 */

export const { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT } = PAGE_LIMITS;

export function pageLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw validation('limit.outOfRange', `limit must be a whole number from 1 to ${MAX_LIMIT}.`, {
      field: 'limit',
      min: 1,
      max: MAX_LIMIT,
    });
  }
  return limit;
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Returns the sort key, or throws ValidationError for a token this API did not make. */
export function decodeCursor(token: unknown, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (token === undefined || token === null) return null;
  if (typeof token !== 'string' || token.length > 512) throw invalidToken();
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(key) || key.length !== shape.length || key.some((part, i) => typeof part !== shape[i])) {
      throw invalidToken();
    }
    return key as (string | number)[];
  } catch {
    throw invalidToken();
  }
}

export const invalidToken = () =>
  validation('nextToken.invalid', 'nextToken is not valid: start again from the first page.', { field: 'nextToken' });

/** Takes limit+1 rows: the extra one only says whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextToken: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
