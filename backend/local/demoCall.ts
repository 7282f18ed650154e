import type { AppSyncResolverEvent, ResolverHandler } from '../src/event.js';

/** A demo resolver call as one person: the seed goes through the real resolvers, as the gateway calls them. */
export type Call = (
  sub: string,
  type: 'Query' | 'Mutation',
  field: string,
  args: Record<string, unknown>,
  groups?: string[],
) => Promise<unknown>;

export function caller(handler: ResolverHandler): Call {
  return (sub, type, field, args, groups = []) => {
    const event: AppSyncResolverEvent = {
      arguments: args,
      identity: {
        sub,
        username: sub,
        issuer: 'huddle-seed',
        claims: { sub, iat: Math.floor(Date.now() / 1000), token_use: 'access' },
        groups,
        sourceIp: ['127.0.0.1'],
        defaultAuthStrategy: 'ALLOW',
      },
      source: null,
      request: { headers: {}, domainName: null },
      info: { fieldName: field, parentTypeName: type, variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
      prev: null,
      stash: {},
    };
    return handler(event);
  };
}
