import { graphqlClient } from './client';
import { rethrowAsApiError } from './errors';

/** One query or mutation: its data, or an ApiError (never Amplify's raw result). */
export async function run<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  try {
    const result = await graphqlClient().query<T>({ query, variables });
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
export function listen<T, P>(
  query: string,
  variables: Record<string, unknown>,
  pick: (data: T) => P | null | undefined,
  onData: (payload: P) => void,
  onError: (error: Error) => void = () => {},
): () => void {
  const subscription = graphqlClient().subscribe<T>(
    { query, variables },
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
