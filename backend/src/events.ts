import type { NotificationRow } from './db/types.js';

import type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export interface ActivityChange {
  activityId: string;
  kind: ActivityChangeKind;
  /** Whose participation changed; told only to the host and to that person (activityChangeEvents). */
  userId?: string | null;
  hostId: string;
}

/** The audiences of `onActivityChanged`: anyone who may see the activity, its host, or one person's id. */
export const PUBLIC_AUDIENCE = 'PUBLIC';
export const HOST_AUDIENCE = 'HOST';

/** Changes to pending requests: nothing anyone but the host (and the asker) is shown changes. */
const HOST_ONLY_KINDS: ReadonlySet<ActivityChangeKind> = new Set(['REQUESTED', 'WITHDRAWN', 'DECLINED']);

export interface ActivityChangeEvent {
  activityId: string;
  kind: ActivityChangeKind;
  userId: string | null;
  audience: string;
}

/**
 * What one change pushes, one event per audience (AppSync delivers a publish mutation's result as
 * it is to every subscriber whose arguments match it, so who may read `userId` is decided by which
 * event carries it): the host's names the person, so does that person's own, the public one never
 * does and is not sent for changes to pending requests.
 */
export function activityChangeEvents(change: ActivityChange): ActivityChangeEvent[] {
  const { activityId, kind } = change;
  const userId = change.userId ?? null;
  const events: ActivityChangeEvent[] = [{ activityId, kind, userId, audience: HOST_AUDIENCE }];
  if (userId && userId !== change.hostId) events.push({ activityId, kind, userId, audience: userId });
  if (!HOST_ONLY_KINDS.has(kind)) events.push({ activityId, kind, userId: null, audience: PUBLIC_AUDIENCE });
  return events;
}

/** A read receipt: `readerId` read the conversation up to `readAt`; `userId`, the other person, hears of it. */
export interface ConversationRead {
  conversationId: string;
  readerId: string;
  userId: string;
  readAt: string;
}

export interface SessionChange {
  sessionId: string;
  kind: SessionChangeKind;
  userId?: string | null;
}

/**
 * Server-side real-time events. AppSync only pushes what a mutation returns, so events that no
 * subscriber's own mutation causes (a notification, a change to an activity or a class session, a
 * read receipt) are sent through the IAM-only mutations `publishNotification`,
 * `publishActivityChange`, `publishSessionChange` and `publishConversationRead`. Locally that is
 * the gateway's in-process IAM call; in AWS a SigV4-signed request to the API.
 * Call these after the transaction commits: a subscriber must never hear of a change that rolled back.
 */
export interface EventPublisher {
  notifications(rows: NotificationRow[]): Promise<void>;
  activityChanged(change: ActivityChange): Promise<void>;
  conversationRead(receipt: ConversationRead): Promise<void>;
  sessionChanged(change: SessionChange): Promise<void>;
}

/** For tests and scripts that do not listen: events are recorded, not sent. */
export function recordingPublisher(): EventPublisher & {
  sent: {
    notifications: NotificationRow[];
    changes: ActivityChange[];
    receipts: ConversationRead[];
    sessionChanges: SessionChange[];
  };
} {
  const sent = {
    notifications: [] as NotificationRow[],
    changes: [] as ActivityChange[],
    receipts: [] as ConversationRead[],
    sessionChanges: [] as SessionChange[],
  };
  return {
    sent,
    notifications: async (rows) => void sent.notifications.push(...rows),
    activityChanged: async (change) => void sent.changes.push(change),
    conversationRead: async (receipt) => void sent.receipts.push(receipt),
    sessionChanged: async (change) => void sent.sessionChanges.push(change),
  };
}
