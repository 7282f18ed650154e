import type { NotificationRow } from './db/types.js';
import type { ActivityChange, EventPublisher } from './events.js';

/**
 * The IAM-only publish mutations, and a publisher that sends them through any executor: the local
 * gateway's in-process IAM call, or a SigV4-signed HTTP request in AWS (see runtime.ts).
 */
export const PUBLISH_NOTIFICATION = /* GraphQL */ `
  mutation PublishNotification($input: PublishNotificationInput!) {
    publishNotification(input: $input) {
      id
      userId
      type
      activityId
      sessionId
      conversationId
      data
      createdAt
      readAt
      actor {
        id
        displayName
        universityId
      }
    }
  }
`;

export const PUBLISH_ACTIVITY_CHANGE = /* GraphQL */ `
  mutation PublishActivityChange($activityId: ID!, $kind: ActivityChangeKind!, $userId: ID, $at: AWSDateTime!) {
    publishActivityChange(activityId: $activityId, kind: $kind, userId: $userId, at: $at) {
      activityId
      kind
      userId
      at
    }
  }
`;

export type IamExecutor = (query: string, variables: Record<string, unknown>) => Promise<{ errors?: unknown[] }>;

export function graphqlPublisher(execute: IamExecutor, log: (line: string) => void = console.error): EventPublisher {
  // Delivery is best effort, as on AppSync: the change is committed, a failed push only means a
  // client learns of it on its next fetch. So failures are logged, never thrown at the user.
  const send = async (query: string, variables: Record<string, unknown>) => {
    try {
      const result = await execute(query, variables);
      if (result.errors?.length) log(`publish failed: ${JSON.stringify(result.errors)}`);
    } catch (error) {
      log(`publish failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    async notifications(rows: NotificationRow[]) {
      await Promise.all(
        rows.map((row) =>
          send(PUBLISH_NOTIFICATION, {
            input: {
              id: row.id,
              userId: row.user_id,
              type: row.type,
              actorId: row.actor_id,
              activityId: row.activity_id,
              sessionId: row.session_id,
              conversationId: row.conversation_id,
              data: JSON.stringify(row.data ?? {}),
              createdAt: row.created_at.toISOString(),
            },
          }),
        ),
      );
    },
    async activityChanged(change: ActivityChange) {
      await send(PUBLISH_ACTIVITY_CHANGE, { ...change, userId: change.userId ?? null, at: new Date().toISOString() });
    },
  };
}
