import { listen, run } from './run';
import type {
  Activity,
  ActivityChange,
  ActivityFilter,
  ActivityInput,
  ActivityRelation,
  ActivitySummary,
  Page,
  Participation,
  TimeScope,
} from './types';

const PERSON = 'id displayName universityId';
const PARTICIPATION = `activityId status position note createdAt updatedAt user { ${PERSON} }`;
const SUMMARY = `
  id sport title place startsAt durationMinutes endsAt capacity skillLevel joinPolicy status
  participantCount freePlaces waitlistCount
  host { ${PERSON} }
  myParticipation { ${PARTICIPATION} }
`;
const DETAIL = `
  ${SUMMARY} description mapUrl cancelledAt createdAt updatedAt
  participants { ${PARTICIPATION} }
  requests { ${PARTICIPATION} }
  waitlist { ${PARTICIPATION} }
`;

const ACTIVITIES = /* GraphQL */ `
  query Activities($filter: ActivityFilter, $limit: Int, $nextToken: String) {
    activities(filter: $filter, limit: $limit, nextToken: $nextToken) { items { ${SUMMARY} } nextToken }
  }
`;
const MY_ACTIVITIES = /* GraphQL */ `
  query MyActivities($relation: ActivityRelation!, $when: TimeScope!, $limit: Int, $nextToken: String) {
    myActivities(relation: $relation, when: $when, limit: $limit, nextToken: $nextToken) {
      items { ${SUMMARY} }
      nextToken
    }
  }
`;
const ACTIVITY = /* GraphQL */ `query Activity($id: ID!) { activity(id: $id) { ${DETAIL} } }`;
const CREATE = /* GraphQL */ `
  mutation CreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { ${DETAIL} } }
`;
const UPDATE = /* GraphQL */ `
  mutation UpdateActivity($id: ID!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, input: $input) { ${DETAIL} }
  }
`;
const CANCEL = /* GraphQL */ `mutation CancelActivity($id: ID!) { cancelActivity(id: $id) { ${DETAIL} } }`;
const JOIN = /* GraphQL */ `
  mutation JoinActivity($activityId: ID!, $note: String) {
    joinActivity(activityId: $activityId, note: $note) { ${PARTICIPATION} }
  }
`;
const RESPOND = /* GraphQL */ `
  mutation RespondToJoinRequest($activityId: ID!, $userId: ID!, $approve: Boolean!) {
    respondToJoinRequest(activityId: $activityId, userId: $userId, approve: $approve) { ${PARTICIPATION} }
  }
`;
const LEAVE = /* GraphQL */ `
  mutation LeaveActivity($activityId: ID!) { leaveActivity(activityId: $activityId) { ${PARTICIPATION} } }
`;
const REMOVE = /* GraphQL */ `
  mutation RemoveParticipant($activityId: ID!, $userId: ID!) {
    removeParticipant(activityId: $activityId, userId: $userId) { ${PARTICIPATION} }
  }
`;
const ON_CHANGED = /* GraphQL */ `
  subscription OnActivityChanged($activityId: ID!) {
    onActivityChanged(activityId: $activityId) {
      activityId
      kind
      userId
      at
    }
  }
`;

export interface PageRequest {
  limit?: number;
  nextToken?: string | null;
}

export async function listActivities(filter: ActivityFilter, page: PageRequest = {}): Promise<Page<ActivitySummary>> {
  const data = await run<{ activities: Page<ActivitySummary> }>(ACTIVITIES, { filter, ...page });
  return data.activities;
}

export async function listMyActivities(
  relation: ActivityRelation,
  when: TimeScope,
  page: PageRequest = {},
): Promise<Page<ActivitySummary>> {
  const data = await run<{ myActivities: Page<ActivitySummary> }>(MY_ACTIVITIES, { relation, when, ...page });
  return data.myActivities;
}

export async function getActivity(id: string): Promise<Activity> {
  return (await run<{ activity: Activity }>(ACTIVITY, { id })).activity;
}

export async function createActivity(input: ActivityInput): Promise<Activity> {
  return (await run<{ createActivity: Activity }>(CREATE, { input })).createActivity;
}

export async function updateActivity(id: string, input: Partial<ActivityInput>): Promise<Activity> {
  return (await run<{ updateActivity: Activity }>(UPDATE, { id, input })).updateActivity;
}

export async function cancelActivity(id: string): Promise<Activity> {
  return (await run<{ cancelActivity: Activity }>(CANCEL, { id })).cancelActivity;
}

/** Joins an open activity, asks to join an approval one (with the note), or queues when full. */
export async function joinActivity(activityId: string, note?: string): Promise<Participation> {
  return (await run<{ joinActivity: Participation }>(JOIN, { activityId, note: note || null })).joinActivity;
}

export async function respondToJoinRequest(
  activityId: string,
  userId: string,
  approve: boolean,
): Promise<Participation> {
  const data = await run<{ respondToJoinRequest: Participation }>(RESPOND, { activityId, userId, approve });
  return data.respondToJoinRequest;
}

/** Leave, withdraw a request, or leave the waitlist. */
export async function leaveActivity(activityId: string): Promise<Participation> {
  return (await run<{ leaveActivity: Participation }>(LEAVE, { activityId })).leaveActivity;
}

export async function removeParticipant(activityId: string, userId: string): Promise<Participation> {
  return (await run<{ removeParticipant: Participation }>(REMOVE, { activityId, userId })).removeParticipant;
}

/** Live changes to one activity; returns the function that stops listening. */
export function subscribeToActivity(
  activityId: string,
  onChange: (change: ActivityChange) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen<{ onActivityChanged: ActivityChange | null }, ActivityChange>(
    ON_CHANGED,
    { activityId },
    (data) => data.onActivityChanged,
    onChange,
    onError,
  );
}
