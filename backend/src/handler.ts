import type { AppSyncResolverEvent, ResolverHandler } from './event.js';
import type { Caller, Services } from './context.js';
import { AppError } from './errors.js';
import { resolveCaller } from './caller.js';
import * as profiles from './profiles/resolvers.js';
import * as staff from './staff/resolvers.js';

type Resolver = (caller: Caller, args: Record<string, unknown>, services: Services, event: AppSyncResolverEvent) => unknown;

/** Every field backed by the Lambda, keyed `Type.field` as AppSync names them. */
const resolvers: Record<string, Resolver> = {
  'Query.me': profiles.me,
  'Query.staffOverview': staff.staffOverview,
  'Mutation.updateProfile': profiles.updateProfile,
  'Mutation.signOutEverywhere': profiles.signOutEverywhere,
  'Subscription.onProfileUpdated': profiles.onProfileUpdated,
};

export const resolvedFieldNames = Object.keys(resolvers);

/**
 * The one entry for every resolver, shaped as an AppSync direct Lambda resolver: it takes the
 * event AppSync sends, and its thrown AppErrors become GraphQL errors with their errorType.
 */
export function createHandler(services: Services): ResolverHandler {
  return async (event) => {
    const key = `${event.info.parentTypeName}.${event.info.fieldName}`;
    const resolve = resolvers[key];
    if (!resolve) throw new AppError('NotFound', `No resolver for ${key}.`);
    const caller = await resolveCaller(event, services);
    return resolve(caller, event.arguments ?? {}, services, event);
  };
}
