import type { Resolver } from '../resolver.js';
import { cancelActivity, createActivity, updateActivity } from './host.js';
import { joinActivity, leaveActivity } from './join.js';
import { activities, activity, myActivities, onActivityChanged } from './queries.js';
import { removeParticipant, respondToJoinRequest } from './requests.js';

/** The activities fields of the API, keyed `Type.field` as AppSync names them. */
export const activitiesResolvers: Record<string, Resolver> = {
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
};
