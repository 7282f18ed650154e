import { randomInt } from 'node:crypto';
import { CHECK_IN_CODE } from '../rules/limits.js';

/** A new check-in code: CHECK_IN_CODE.length characters drawn with a CSPRNG (nobody guesses another's). */
export function newCheckInCode(): string {
  const { alphabet, length } = CHECK_IN_CODE;
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * What staff typed or scanned, as stored: upper case, without spaces or dashes. A scanned QR code
 * holds `HUDDLE-CHECKIN:<sessionId>:<code>` (see the app's check-in card); the code is its last part.
 */
export function normalizeCheckInCode(value: string): string {
  const last = value.trim().split(':').at(-1) ?? '';
  return last.replace(/[\s-]/g, '').toUpperCase();
}
