import type { NotificationRow } from './db/types.js';
import { activityChangeEvents, type ActivityChange, type ConversationRead, type EventPublisher } from './events.js';

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
  mutation PublishActivityChange(
    $activityId: ID!
    $kind: ActivityChangeKind!
    $userId: ID
    $audience: ID!
    $at: AWSDateTime!
  ) {
    publishActivityChange(activityId: $activityId, kind: $kind, userId: $userId, audience: $audience, at: $at) {
      activityId
      kind
      userId
      audience
      at
    }
  }
`;

export const PUBLISH_CONVERSATION_READ = /* GraphQL */ `
  mutation PublishConversationRead($conversationId: ID!, $readerId: ID!, $userId: ID!, $readAt: AWSDateTime!) {
    publishConversationRead(conversationId: $conversationId, readerId: $readerId, userId: $userId, readAt: $readAt) {
      conversationId
      readerId
      userId
      readAt
    }
  }
`;

export const PUBLISH_SESSION_CHANGE = /* GraphQL */ `
  mutation PublishSessionChange($sessionId: ID!, $kind: SessionChangeKind!, $userId: ID, $at: AWSDateTime!) {
    publishSessionChange(sessionId: $sessionId, kind: $kind, userId: $userId, at: $at) {
      sessionId
      kind
      userId
      at
    }
  }
`;

/** Runs one IAM-signed GraphQL request; `signal` aborts it when its time is over. */
export type IamExecutor = (
  query: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
) => Promise<{ errors?: unknown[] }>;

export interface PublishLimits {
  /** Publish calls in flight at once for one write: each one is a Lambda invocation in AWS. */
  concurrency: number;
  /** Tries per event before it is given up (logged). */
  attempts: number;
  /** Pause before the second try; it doubles for each later one. */
  backoffMs: number;
  /** One publish call is abandoned (and counts as a failed try) after this long. */
  timeoutMs: number;
  /**
   * All of one write's pushes together: the caller's answer waits for them, so past this they are
   * given up (logged). Well inside the resolver Lambda's 30 s, and AppSync's own 30 s.
   */
  budgetMs: number;
}

/**
 * Each publish is an AppSync request that invokes the data-source Lambda once. Cancelling a full
 * activity notifies up to 100 people: sent all at once they would take 100 Lambdas at the same
 * moment, beyond a new account's concurrency quota, and the throttled ones would be lost. So one
 * write keeps a few in flight and tries a throttled or failed push again; a push that hangs is
 * abandoned after 3 s, and the whole write's pushes after 8 s.
 */
export const DEFAULT_PUBLISH_LIMITS: PublishLimits = {
  concurrency: 4,
  attempts: 3,
  backoffMs: 100,
  timeoutMs: 3_000,
  budgetMs: 8_000,
};

/** The errorTypes of our own refusals: trying those again cannot help. */
const REFUSALS = new Set(['ValidationError', 'NotFound', 'Forbidden', 'Conflict', 'Unauthorized', 'RateLimited']);

/** `work` given a signal aborted after `ms`; rejects then even if `work` ignores the signal. */
async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        controller.abort();
        reject(new Error(`no answer within ${ms} ms`));
      },
      Math.max(0, ms),
    );
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function graphqlPublisher(
  execute: IamExecutor,
  log: (line: string) => void = console.error,
  limits: PublishLimits = DEFAULT_PUBLISH_LIMITS,
): EventPublisher {
  // Delivery is best effort, as on AppSync: the change is committed, a failed push only means a
  // client learns of it on its next fetch. So failures are logged, never thrown at the user.
  const send = async (query: string, variables: Record<string, unknown>, deadline: number): Promise<boolean> => {
    let failure = '';
    for (let attempt = 1; attempt <= limits.attempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(limits.backoffMs * 2 ** (attempt - 2), deadline - Date.now()));
      const left = deadline - Date.now();
      // Out of time: untried pushes are counted in the write's summary line, not one line each.
      if (left <= 0) {
        if (attempt === 1) return false;
        break;
      }
      try {
        const result = await withTimeout(Math.min(limits.timeoutMs, left), (signal) =>
          execute(query, variables, signal),
        );
        if (!result.errors?.length) return true;
        failure = JSON.stringify(result.errors);
        if (result.errors.every((e) => REFUSALS.has((e as { errorType?: string }).errorType ?? ''))) break;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    log(`publish failed: ${failure}`);
    return false;
  };
  return {
    async notifications(rows: NotificationRow[]) {
      const deadline = Date.now() + limits.budgetMs;
      const delivered = await mapWithLimit(rows, limits.concurrency, (row) =>
        send(
          PUBLISH_NOTIFICATION,
          {
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
          },
          deadline,
        ),
      );
      const lost = delivered.filter((ok) => !ok).length;
      if (lost) log(`${lost} of ${rows.length} notifications were stored but not pushed live`);
    },
    async activityChanged(change: ActivityChange) {
      const deadline = Date.now() + limits.budgetMs;
      const at = new Date().toISOString();
      await mapWithLimit(activityChangeEvents(change), limits.concurrency, (event) =>
        send(PUBLISH_ACTIVITY_CHANGE, { ...event, at }, deadline),
      );
    },
    async conversationRead(receipt: ConversationRead) {
      await send(PUBLISH_CONVERSATION_READ, { ...receipt }, Date.now() + limits.budgetMs);
    },
    async sessionChanged(change) {
      await send(
        PUBLISH_SESSION_CHANGE,
        { ...change, userId: change.userId ?? null, at: new Date().toISOString() },
        Date.now() + limits.budgetMs,
      );
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** `work` over every item, in order, never more than `limit` at once. */
async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
