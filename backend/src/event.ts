/**
 * The AppSync direct Lambda resolver event, as AWS sends it to a Lambda data source
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference.html).
 * The local gateway builds exactly this shape, so the same handler runs in both places.
 */
export interface CognitoIdentity {
  sub: string;
  username: string;
  issuer: string;
  claims: Record<string, unknown>;
  groups: string[] | null;
  sourceIp: string[];
  defaultAuthStrategy: 'ALLOW' | 'DENY';
}

/** IAM callers (server-side publishers) carry no Cognito identity. */
export interface IamIdentity {
  accountId: string;
  userArn: string;
  sourceIp: string[];
  username: string;
}

export interface ResolverInfo {
  fieldName: string;
  parentTypeName: string;
  variables: Record<string, unknown>;
  selectionSetList: string[];
  selectionSetGraphQL: string;
}

export interface AppSyncResolverEvent<TArgs = Record<string, unknown>, TSource = Record<string, unknown> | null> {
  arguments: TArgs;
  identity: CognitoIdentity | IamIdentity | null;
  source: TSource;
  request: { headers: Record<string, string>; domainName: string | null };
  info: ResolverInfo;
  prev: { result: unknown } | null;
  stash: Record<string, unknown>;
}

export type ResolverHandler = (event: AppSyncResolverEvent) => Promise<unknown>;

export function isCognitoIdentity(identity: AppSyncResolverEvent['identity']): identity is CognitoIdentity {
  return !!identity && 'sub' in identity && 'claims' in identity;
}
