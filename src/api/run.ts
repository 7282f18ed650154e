import { graphqlClient } from './client';
import type { Document } from './document';
import { isTooManyRequests, rethrowAsApiError, toApiError } from './errors';

/**
 * An overloaded API answers HTTP 429 at once (nothing ran, so any request may be sent again).
 * Amplify itself retries that about three times within a second; run() then waits longer before
 * each new try, with jitter so many clients do not come back together.
 */
const OVERLOAD_RETRY_MS = [1000, 3000];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random())));

/** One query or mutation: its typed data, or an ApiError (never Amplify's raw result). */
export async function run<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await graphqlClient().query<TResult>({
        query: document,
        variables: variables as Record<string, unknown>,
      });
      if (!result.data) throw result;
      return result.data;
    } catch (reason) {
      const wait = OVERLOAD_RETRY_MS[attempt];
      if (wait === undefined || !isTooManyRequests(toApiError(reason))) return rethrowAsApiError(reason);
      await pause(wait);
    }
  }
}

/**
 * Opens a subscription and returns the function that closes it; its owner must call it (on
 * unmount or sign-out). `pick` takes the payload out of the message; null payloads are skipped.
 */
export function listen<TResult, TVariables, P>(
  document: Document<TResult, TVariables>,
  variables: TVariables,
  pick: (data: TResult) => P | null | undefined,
  onData: (payload: P) => void,
  onError: (error: Error) => void = () => {},
): () => void {
  const subscription = graphqlClient().subscribe<TResult>(
    { query: document, variables: variables as Record<string, unknown> },
    {
      next: ({ data }) => {
        const payload = data ? pick(data) : null;
        if (payload) onData(payload);
      },
      error: (reason) => {
        try {
          rethrowAsApiError(reason);
        } catch (error) {
          onError(error as Error);
        }
      },
    },
  );
  return () => subscription.unsubscribe();
}
