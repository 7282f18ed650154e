import { generateClient, type GraphQLResult } from 'aws-amplify/api';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface SubscriptionObserver<T> {
  next: (message: { data?: T }) => void;
  error: (reason: unknown) => void;
}

/**
 * The part of Amplify's client this app uses, typed by the GraphQL document's result. Amplify's own
 * generic client type is built for generated models and overflows the type checker on plain documents.
 */
export interface GraphQLClient {
  query<T>(request: GraphQLRequest): Promise<GraphQLResult<T>>;
  subscribe<T>(request: GraphQLRequest, observer: SubscriptionObserver<T>): { unsubscribe: () => void };
}

let client: GraphQLClient | undefined;

/**
 * Created on first use, not at import: Amplify must be configured first, and the screens that
 * never call the API (sign-in) should not pay for it.
 */
export function graphqlClient(): GraphQLClient {
  if (client) return client;
  const amplify = generateClient() as unknown as { graphql: (request: GraphQLRequest) => unknown };
  client = {
    query: <T>(request: GraphQLRequest) => amplify.graphql(request) as Promise<GraphQLResult<T>>,
    subscribe: <T>(request: GraphQLRequest, observer: SubscriptionObserver<T>) =>
      (
        amplify.graphql(request) as { subscribe: (o: SubscriptionObserver<T>) => { unsubscribe: () => void } }
      ).subscribe(observer),
  };
  return client;
}
