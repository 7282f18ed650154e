import type { NotificationRow } from './db/types.js';

import type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export interface ActivityChange {
  activityId: string;
  kind: ActivityChangeKind;
  userId?: string | null;
}

export interface SessionChange {
  sessionId: string;
  kind: SessionChangeKind;
  userId?: string | null;
}

/**
 * Server-side real-time events. AppSync only pushes what a mutation returns, so events that no
 * subscriber's own mutation causes (a notification, a change to an activity) are sent through the
 * IAM-only mutations `publishNotification`, `publishActivityChange` and `publishSessionChange`. Locally that is the
 * gateway's in-process IAM call; in AWS a SigV4-signed request to the API.
 * Call these after the transaction commits: a subscriber must never hear of a change that rolled back.
 */
export interface EventPublisher {
  notifications(rows: NotificationRow[]): Promise<void>;
  activityChanged(change: ActivityChange): Promise<void>;
  sessionChanged(change: SessionChange): Promise<void>;
}

/** For tests and scripts that do not listen: events are recorded, not sent. */
export function recordingPublisher(): EventPublisher & {
  sent: { notifications: NotificationRow[]; changes: ActivityChange[]; sessionChanges: SessionChange[] };
} {
  const sent = {
    notifications: [] as NotificationRow[],
    changes: [] as ActivityChange[],
    sessionChanges: [] as SessionChange[],
  };
  return {
    sent,
    notifications: async (rows) => void sent.notifications.push(...rows),
    activityChanged: async (change) => void sent.changes.push(change),
    sessionChanged: async (change) => void sent.sessionChanges.push(change),
  };
}
