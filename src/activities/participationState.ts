import type { Activity } from '@/api/activities';

/**
 * The one thing the detail page offers me, from the activity and my participation in it. It mirrors
 * the server's rules (backend/src/activities/join.ts): nobody joins or leaves a cancelled or started
 * activity; after leaving or withdrawing you may come back; after being declined or removed you may
 * not; an open activity gives a free place only when nobody is already waiting for one.
 */
export type ParticipationAction =
  | { kind: 'cancelled' }
  | { kind: 'started' }
  | { kind: 'hosting' }
  | { kind: 'going' }
  | { kind: 'requested' }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'declined' }
  | { kind: 'removed' }
  | { kind: 'join' }
  | { kind: 'joinWaitlist' }
  /** Approval policy; when full, an approved request goes on the waitlist (requests.ts). */
  | { kind: 'askToJoin'; full: boolean };

export type ParticipationKind = ParticipationAction['kind'];

type ActivityState = Pick<
  Activity,
  'status' | 'startsAt' | 'joinPolicy' | 'freePlaces' | 'waitlistCount' | 'myParticipation'
>;

export function participationAction(activity: ActivityState, now: Date): ParticipationAction {
  if (activity.status === 'CANCELLED') return { kind: 'cancelled' };
  if (new Date(activity.startsAt).getTime() <= now.getTime()) return { kind: 'started' };
  const mine = activity.myParticipation;
  switch (mine?.status) {
    case 'HOST':
      return { kind: 'hosting' };
    case 'JOINED':
      return { kind: 'going' };
    case 'REQUESTED':
      return { kind: 'requested' };
    case 'WAITLISTED':
      return { kind: 'waitlisted', position: mine.position };
    case 'DECLINED':
      return { kind: 'declined' };
    case 'REMOVED':
      return { kind: 'removed' };
    default: // not in it, LEFT or WITHDRAWN: free to (ask to) join again
      break;
  }
  const hasPlace = activity.freePlaces > 0 && activity.waitlistCount === 0;
  if (activity.joinPolicy === 'APPROVAL') return { kind: 'askToJoin', full: !hasPlace };
  return hasPlace ? { kind: 'join' } : { kind: 'joinWaitlist' };
}

/** How many people the server tells when the host cancels: everyone going (not the host), waiting or asking. */
export function peopleToNotifyOnCancel(activity: Pick<Activity, 'participants' | 'waitlist' | 'requests'>): number {
  const going = activity.participants.filter((p) => p.status !== 'HOST').length;
  return going + activity.waitlist.length + activity.requests.length;
}

export type RefusalReason = 'forbidden' | 'conflict' | 'notFound' | 'network' | 'invalid' | 'other';

const REFUSAL_REASONS = new Map<string, RefusalReason>([
  ['Forbidden', 'forbidden'],
  ['Conflict', 'conflict'],
  ['NotFound', 'notFound'],
  ['NetworkError', 'network'],
  ['ValidationError', 'invalid'],
]);

/** Which translated sentence explains a refused action; the server's own message is English only. */
export function refusalReason(errorType: string): RefusalReason {
  return REFUSAL_REASONS.get(errorType) ?? 'other';
}
