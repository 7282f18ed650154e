import { graphqlClient } from './client';
import type { Document } from './document';
import { rethrowAsApiError } from './errors';

/** One query or mutation: its typed data, or an ApiError (never Amplify's raw result). */
export async function run<TResult, TVariables>(
  document: Document<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  try {
    const result = await graphqlClient().query<TResult>({
      query: document,
      variables: variables as Record<string, unknown>,
    });
    if (!result.data) throw result;
    return result.data;
  } catch (reason) {
    return rethrowAsApiError(reason);
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
