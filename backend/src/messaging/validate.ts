import { validation } from '../errors.js';
import { isUuid } from '../validation.js';

export { isUuid } from '../validation.js';
import { decodeCursor } from '../shared/pagination.js';

/** Input checks of the messaging domain that the shared validators do not cover. */

// Control characters other than tab, line feed and carriage return: a person never types them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const MAX_MESSAGE_LENGTH = 2000;

/**
 * A message as typed, less leading and trailing whitespace. Lines are kept; markup is just text.
 * Length counts characters (code points), as PostgreSQL's char_length does, so emoji count once.
 */
export function requireMessageText(value: unknown): string {
  if (typeof value !== 'string') throw validation('Message is required.', 'text');
  const text = value.trim();
  if (!text) throw validation('Message cannot be empty.', 'text');
  const length = [...text].length;
  if (length > MAX_MESSAGE_LENGTH) {
    throw validation(`Message can be at most ${MAX_MESSAGE_LENGTH} characters (this one has ${length}).`, 'text');
  }
  if (CONTROL.test(text)) throw validation('Message contains characters that are not allowed.', 'text');
  return text;
}

export function requireClientId(value: unknown): string {
  if (typeof value !== 'string' || !CLIENT_ID.test(value)) {
    throw validation('clientId must be 1 to 64 letters, digits, "-" or "_" (a UUID is typical).', 'clientId');
  }
  return value;
}

/** One conversation per pair: the ids in byte order, as the table's check constraint wants them. */
export function conversationIdFor(a: string, b: string): { id: string; userA: string; userB: string } {
  const [userA, userB] = a < b ? [a, b] : [b, a];
  return { id: `${userA}:${userB}`, userA, userB };
}

/** A `[time, id]` cursor; anything else is a token this API did not make (uuid ids are checked: the column is uuid). */
export function decodeTimeCursor(token: unknown, ids: 'uuid' | 'text'): { at: Date; id: string } | null {
  const key = decodeCursor(token, ['string', 'string']);
  if (!key) return null;
  const [iso, id] = key as [string, string];
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || (ids === 'uuid' && !isUuid(id))) {
    throw validation('nextToken is not valid: start again from the first page.', 'nextToken');
  }
  return { at, id };
}
