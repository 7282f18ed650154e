/**
 * How long Cognito access and ID tokens live: the app client in AWS (infra/auth.ts) and the local
 * Cognito (backend/local/cognito/tokens.ts) use the same. Short on purpose: AppSync checks a token
 * when a request or a subscription starts, not while a subscription stays open, so an ended
 * session (refresh tokens revoked, the API's cut-off set) keeps an open subscription at most this
 * long in AWS.
 */
export const ACCESS_TOKEN_MINUTES = 15;
