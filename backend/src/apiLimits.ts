/**
 * Limits on one GraphQL request, the same in AWS (infra/api.ts sets them on the AppSync API as
 * queryDepthLimit and resolverCountLimit) and in the local gateway (backend/local/appsync/limits.ts),
 * which refuses a request over them before any resolver runs. The app's deepest document nests 5
 * levels and none asks for more than 2 root fields; every root field is one Lambda resolver, so
 * one request can no longer carry hundreds of mutations.
 */
export const API_LIMITS = {
  /** nested field levels, the root field being level 1 (AppSync: 1–75) */
  queryDepth: 10,
  /** resolvers one request may invoke (AppSync: 1–10000) */
  resolverCount: 10,
} as const;
