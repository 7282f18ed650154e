import type { NotificationRow } from './db/types.js';

import type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export type { ActivityChangeKind, SessionChangeKind } from './generated/graphql.js';

export interface ActivityChange {
  activityId: string;
  kind: ActivityChangeKind;
  userId?: string | null;
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
