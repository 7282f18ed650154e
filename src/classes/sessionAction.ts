import type { ClassSession } from '@/api/classes';

/**
 * The one action a student has on a session, from the state the server gave it and the clock:
 * book, join the waitlist, cancel (a late cancel is warned about first), leave the waitlist, or
 * none. Pure, so every state is unit-tested without a screen.
 */
export type SessionAction =
  | { kind: 'book' }
  | { kind: 'joinWaitlist' }
  | { kind: 'cancel'; late: boolean }
  | { kind: 'leaveWaitlist' }
  | { kind: 'none' };

export function sessionAction(session: ClassSession, now: Date): SessionAction {
  const started = now.getTime() >= Date.parse(session.startsAt);
  if (started || session.status === 'CANCELLED') return { kind: 'none' };
  switch (session.state) {
    case 'OPEN':
      return { kind: 'book' };
    case 'FULL':
      return { kind: 'joinWaitlist' };
    case 'BOOKED':
      return { kind: 'cancel', late: now.getTime() > Date.parse(session.freeCancelUntil) };
    case 'WAITLISTED':
      return { kind: 'leaveWaitlist' };
    default:
      return { kind: 'none' };
  }
}

/** The words of a session's state, as a message key under `classes.state` and its values. */
export function sessionStateText(session: ClassSession): {
  key: string;
  values: Record<string, unknown>;
  count?: number;
} {
  const key = `classes.state.${session.state}`;
  switch (session.state) {
    case 'NOT_YET_OPEN':
      return { key, values: { when: session.bookingOpensAt } };
    case 'OPEN':
      return { key, values: { n: session.placesLeft }, count: session.placesLeft };
    case 'WAITLISTED':
      return { key, values: { position: session.myBooking?.position ?? '?' } };
    default:
      return { key, values: {} };
  }
}
