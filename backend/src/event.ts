/**
 * The AppSync resolver event as AWS sends it to a Lambda data source, in @types/aws-lambda's words
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference.html). The local
 * gateway builds exactly this shape, and the resolvers' APPSYNC_JS request step passes it on, so
 * the same handler runs in both places.
 */
import type {
  AppSyncIdentityCognito,
  AppSyncIdentityIAM,
  AppSyncResolverEvent as LambdaAppSyncResolverEvent,
} from 'aws-lambda';

export type CognitoIdentity = AppSyncIdentityCognito;
/** IAM callers (server-side publishers) carry no Cognito identity. */
export type IamIdentity = AppSyncIdentityIAM;

export type AppSyncResolverEvent<TArgs = Record<string, unknown>> = LambdaAppSyncResolverEvent<
  TArgs,
  Record<string, unknown> | null
>;

export type ResolverHandler = (event: AppSyncResolverEvent) => Promise<unknown>;

export function isCognitoIdentity(identity: AppSyncResolverEvent['identity']): identity is CognitoIdentity {
  return !!identity && 'sub' in identity && 'claims' in identity;
}
