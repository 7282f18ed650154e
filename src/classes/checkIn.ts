import { CHECK_IN_CODE } from '@rules/limits';

/**
 * What a booking's QR code holds: the session it is for and the booking's short code. Staff scan it
 * on that session's page; the server reads the code from its last part (and a typed code alone).
 */
const PREFIX = 'HUDDLE-CHECKIN';

export const checkInPayload = (sessionId: string, code: string) => `${PREFIX}:${sessionId}:${code}`;

/** A scanned or typed value → the session it names (null when only a code was typed) and the code. */
export function readCheckIn(value: string): { sessionId: string | null; code: string } {
  const parts = value.trim().split(':');
  const code = (parts.at(-1) ?? '').replace(/[\s-]/g, '').toUpperCase();
  const sessionId = parts.length === 3 && parts[0] === PREFIX ? parts[1]! : null;
  return { sessionId, code };
}

/** "K7QM2X" → "K7Q M2X": easier to read out and type. */
export const spacedCode = (code: string) => code.replace(/^(.{3})(.+)$/, '$1 $2');

export const CODE_LENGTH = CHECK_IN_CODE.length;
