import type { ResolverHandler } from './event.js';
import { isCognitoIdentity } from './event.js';
import type { Services } from './context.js';
import type { DomainResolvers, SubscriptionAuthorizers } from './fieldResolvers.js';
import type { Resolver } from './resolver.js';
import { activitiesResolvers } from './activities/index.js';
import { messagingResolvers } from './messaging/index.js';
import { notificationsResolvers } from './notifications/index.js';
import { classesResolvers } from './classes/index.js';
import { AppError } from './errors.js';
import { resolveCaller } from './caller.js';
import * as profiles from './profiles/resolvers.js';
import * as staff from './staff/resolvers.js';
import * as membership from './staff/membership.js';
import * as publishing from './notifications/publishResolvers.js';
import { profile } from './profiles/publicProfile.js';

/**
 * Every field backed by the Lambda, keyed `Type.field` as AppSync names them, each checked against
 * its schema field's arguments and result (fieldResolvers.ts).
 */
const typedResolvers = {
  'Query.me': profiles.me,
  'Query.profile': profile,
  'Query.staffOverview': staff.staffOverview,
  'Query.staffMembers': membership.staffMembers,
  'Mutation.addStaffMember': membership.addStaffMember,
  'Mutation.removeStaffMember': membership.removeStaffMember,
  'Mutation.updateProfile': profiles.updateProfile,
  'Mutation.signOutEverywhere': profiles.signOutEverywhere,
  'Mutation.signOutOtherDevices': profiles.signOutOtherDevices,
  'Subscription.onProfileUpdated': profiles.onProfileUpdated,
  ...activitiesResolvers,
  ...messagingResolvers,
  ...notificationsResolvers,
  ...classesResolvers,
} satisfies DomainResolvers & SubscriptionAuthorizers;

// AppSync checks the arguments against the schema before it calls the Lambda; each resolver still
// validates what it relies on. Looked up by the event's field name, so typed loosely here.
const resolvers = typedResolvers as unknown as Record<string, Resolver>;

type IamResolver = (args: Record<string, unknown>, services: Services) => unknown;

/** Fields only the server calls, with IAM credentials (the schema marks them @aws_iam only). */
const iamResolvers: Record<string, IamResolver> = {
  'Mutation.publishNotification': publishing.publishNotification,
  'Mutation.publishActivityChange': publishing.publishActivityChange,
  'Mutation.publishConversationRead': publishing.publishConversationRead,
  'Mutation.publishSessionChange': publishing.publishSessionChange,
};

/** Every `Type.field` this handler serves: infra/ attaches the Lambda to exactly these (tests/infra checks it). */
export const servedFields: readonly string[] = [...Object.keys(resolvers), ...Object.keys(iamResolvers)];

/**
 * The one entry for every resolver, shaped as an AppSync direct Lambda resolver: it takes the
 * event AppSync sends, and its thrown AppErrors become GraphQL errors with their errorType.
 */
export function createHandler(services: Services): ResolverHandler {
  return async (event) => {
    const key = `${event.info.parentTypeName}.${event.info.fieldName}`;
    const iamResolve = iamResolvers[key];
    if (iamResolve) {
      if (isCognitoIdentity(event.identity))
        throw new AppError(
          'Unauthorized',
          `Not Authorized to access ${event.info.fieldName} on type ${event.info.parentTypeName}`,
          'auth.notAllowed',
        );
      return iamResolve(event.arguments ?? {}, services);
    }
    const resolve = resolvers[key];
    if (!resolve) throw new AppError('NotFound', `No resolver for ${key}.`, 'resolver.notFound');
    const caller = await resolveCaller(event, services);
    return resolve(caller, event.arguments ?? {}, services, event);
  };
}
