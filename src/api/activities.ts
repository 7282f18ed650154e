import {
  ActivitiesDocument,
  ActivityDocument,
  CancelActivityDocument,
  CreateActivityDocument,
  JoinActivityDocument,
  LeaveActivityDocument,
  MyActivitiesDocument,
  OnActivityChangedDocument,
  RemoveParticipantDocument,
  RespondToJoinRequestDocument,
  UpdateActivityDocument,
} from './generated/documents/activities';
import type {
  ActivityDetailFragment,
  ActivityFilter,
  ActivityRelation,
  ActivitySummaryFragment,
  CreateActivityInput,
  OnActivityChangedSubscription,
  ParticipationFieldsFragment,
  TimeScope,
  UpdateActivityInput,
} from './generated/graphql';
import type { Page, PageRequest } from './page';
import { listen, run } from './run';

export type {
  ActivityChangeKind,
  ActivityFilter,
  ActivityRelation,
  ActivityStatus,
  JoinPolicy,
  ParticipationStatus,
  SkillLevel,
  Sport,
  TimeScope,
} from './generated/graphql';

/** What a list card shows. */
export type ActivitySummary = ActivitySummaryFragment;
/** Everything the detail page shows. */
export type Activity = ActivityDetailFragment;
export type Participation = ParticipationFieldsFragment;
export type ActivityInput = CreateActivityInput;
/** A live event on one activity: the watcher refetches what it shows. */
export type ActivityChange = NonNullable<OnActivityChangedSubscription['onActivityChanged']>;

export async function listActivities(filter: ActivityFilter, page: PageRequest = {}): Promise<Page<ActivitySummary>> {
  return (await run(ActivitiesDocument, { filter, ...page })).activities;
}

export async function listMyActivities(
  relation: ActivityRelation,
  when: TimeScope,
  page: PageRequest = {},
): Promise<Page<ActivitySummary>> {
  return (await run(MyActivitiesDocument, { relation, when, ...page })).myActivities;
}

export async function getActivity(id: string): Promise<Activity> {
  return (await run(ActivityDocument, { id })).activity;
}

export async function createActivity(input: ActivityInput): Promise<Activity> {
  return (await run(CreateActivityDocument, { input })).createActivity;
}

export async function updateActivity(id: string, input: UpdateActivityInput): Promise<Activity> {
  return (await run(UpdateActivityDocument, { id, input })).updateActivity;
}

export async function cancelActivity(id: string): Promise<Activity> {
  return (await run(CancelActivityDocument, { id })).cancelActivity;
}

/** Joins an open activity, asks to join an approval one (with the note), or queues when full. */
export async function joinActivity(activityId: string, note?: string): Promise<Participation> {
  return (await run(JoinActivityDocument, { activityId, note: note || null })).joinActivity;
}

export async function respondToJoinRequest(
  activityId: string,
  userId: string,
  approve: boolean,
): Promise<Participation> {
  return (await run(RespondToJoinRequestDocument, { activityId, userId, approve })).respondToJoinRequest;
}

/** Leave, withdraw a request, or leave the waitlist. */
export async function leaveActivity(activityId: string): Promise<Participation> {
  return (await run(LeaveActivityDocument, { activityId })).leaveActivity;
}

export async function removeParticipant(activityId: string, userId: string): Promise<Participation> {
  return (await run(RemoveParticipantDocument, { activityId, userId })).removeParticipant;
}

/**
 * Whose changes to follow: PUBLIC (anyone who may see the activity; never says who) or HOST (its
 * host only; says who, and includes join requests). The server refuses HOST to anyone else.
 */
export type ActivityAudience = 'PUBLIC' | 'HOST';

/** Live changes to one activity; returns the function that stops listening. */
export function subscribeToActivity(
  activityId: string,
  audience: ActivityAudience,
  onChange: (change: ActivityChange) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(
    OnActivityChangedDocument,
    { activityId, audience },
    (data) => data.onActivityChanged,
    onChange,
    onError,
  );
}
