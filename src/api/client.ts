import { GraphQLAPI } from '@aws-amplify/api-graphql';
import { getGlobalContext } from '@aws-amplify/core';
import type { GraphQLResult } from 'aws-amplify/api';

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
 * Amplify's GraphQL engine, called the way `generateClient().graphql` calls it. `generateClient`
 * itself also builds typed model clients from a generated schema, which this app does not use:
 * going one step lower drops @aws-amplify/data-schema from the bundle (≈10 KB gzipped on every
 * signed-in page, measured by `npm run size`). Requests, signing, auth modes and the realtime
 * WebSocket are Amplify's own, unmodified. @aws-amplify/api-graphql is pinned to the version
 * aws-amplify depends on, so there is one copy.
 *
 * Each request reads Amplify's current global context (what Amplify.configure installed), as
 * generateClient's own lazy context does, so the client never holds a stale configuration.
 * Created on first use, not at import: Amplify must be configured first.
 */
export function graphqlClient(): GraphQLClient {
  if (client) return client;
  const send = (request: GraphQLRequest): unknown =>
    GraphQLAPI.graphql(getGlobalContext(), request as never, undefined);
  client = {
    query: <T>(request: GraphQLRequest) => send(request) as Promise<GraphQLResult<T>>,
    subscribe: <T>(request: GraphQLRequest, observer: SubscriptionObserver<T>) =>
      (send(request) as { subscribe: (o: SubscriptionObserver<T>) => { unsubscribe: () => void } }).subscribe(observer),
  };
  return client;
}
