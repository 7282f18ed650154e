import { forbidden } from '../errors.js';
import type { DomainResolvers, SubscriptionAuthorizers } from '../fieldResolvers.js';
import type { Resolver } from '../resolver.js';
import { notifications } from './queries.js';
import { markNotificationsRead } from './read.js';

/** Subscription authorizer: a user only hears their own notifications. */
const onNotification: Resolver = (caller, args) => {
  if (args.userId !== caller.sub)
    throw forbidden('subscription.notYours', 'You can only receive your own notifications.');
  return null;
};

/**
 * The notifications fields of the API, keyed `Type.field` as AppSync names them. Notifications are
 * written by the other domains (notify.ts) and pushed through publishNotification (publishResolvers.ts).
 */
export const notificationsResolvers = {
  'Query.notifications': notifications,
  'Mutation.markNotificationsRead': markNotificationsRead,
  'Subscription.onNotification': onNotification,
} satisfies DomainResolvers & SubscriptionAuthorizers;
