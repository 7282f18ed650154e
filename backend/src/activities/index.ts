import type { DomainResolvers, SubscriptionAuthorizers } from '../fieldResolvers.js';
import { cancelActivity, createActivity, updateActivity } from './host.js';
import { joinActivity, leaveActivity } from './join.js';
import { activities, activity, myActivities, onActivityChanged } from './queries.js';
import { removeParticipant, respondToJoinRequest } from './requests.js';

/** The activities fields of the API, keyed `Type.field` as AppSync names them. */
export const activitiesResolvers = {
  'Query.activities': activities,
  'Query.activity': activity,
  'Query.myActivities': myActivities,
  'Mutation.createActivity': createActivity,
  'Mutation.updateActivity': updateActivity,
  'Mutation.cancelActivity': cancelActivity,
  'Mutation.joinActivity': joinActivity,
  'Mutation.respondToJoinRequest': respondToJoinRequest,
  'Mutation.leaveActivity': leaveActivity,
  'Mutation.removeParticipant': removeParticipant,
  'Subscription.onActivityChanged': onActivityChanged,
} satisfies DomainResolvers & SubscriptionAuthorizers;
