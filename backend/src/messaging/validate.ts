import { validation } from '../errors.js';
import { MESSAGE_LIMITS } from '../rules/limits.js';
import { characterCount } from '../rules/text.js';
import { invalidToken } from '../shared/pagination.js';
import { isUuid, requireText } from '../validation.js';

export { isUuid } from '../validation.js';
import { decodeCursor } from '../shared/pagination.js';

/** Input checks of the messaging domain that the shared validators do not cover. */

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const MAX_MESSAGE_LENGTH = MESSAGE_LIMITS.text.max;

/**
 * A message as typed, less leading and trailing whitespace. Lines are kept; markup is just text.
 * Length counts characters (code points), as PostgreSQL's char_length does, so emoji count once.
 */
export function requireMessageText(value: unknown): string {
  const rule = {
    field: 'text',
    subject: 'message',
    label: 'Message',
    multiline: true,
    ...MESSAGE_LIMITS.text,
  } as const;
  try {
    return requireText(value, rule);
  } catch (error) {
    // Say how long it was: a pasted text can be far over without the writer knowing.
    if (typeof value === 'string' && characterCount(value.trim()) > rule.max) {
      const length = characterCount(value.trim());
      throw validation('message.tooLong', `Message can be at most ${rule.max} characters (this one has ${length}).`, {
        field: 'text',
        max: rule.max,
        length,
      });
    }
    throw error;
  }
}

export function requireClientId(value: unknown): string {
  if (typeof value !== 'string' || !CLIENT_ID.test(value)) {
    throw validation('clientId.invalid', 'clientId must be 1 to 64 letters, digits, "-" or "_" (a UUID is typical).', {
      field: 'clientId',
    });
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
  if (Number.isNaN(at.getTime()) || (ids === 'uuid' && !isUuid(id))) throw invalidToken();
  return { at, id };
}
