// Hand-written mirrors of backend/schema.graphql; keep in step with it (or replace with codegen).
export interface University {
  id: string;
  name: string;
  timeZone: string;
  emailDomains: string[];
}

export interface Profile {
  id: string;
  displayName: string;
  email: string;
  university: University;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface StaffOverview {
  university: University;
  studentCount: number;
  staffCount: number;
}

export interface PublicProfile {
  id: string;
  displayName: string;
  universityId: string;
}

export const SPORTS = [
  'BASKETBALL',
  'FOOTBALL',
  'VOLLEYBALL',
  'TENNIS',
  'BADMINTON',
  'TABLE_TENNIS',
  'PADEL',
  'SQUASH',
  'HOCKEY',
  'ULTIMATE_FRISBEE',
  'RUNNING',
  'CYCLING',
  'SWIMMING',
  'ROWING',
  'CLIMBING',
  'HIKING',
  'YOGA',
  'PILATES',
  'SPINNING',
  'FITNESS',
  'BOXING',
  'DANCE',
  'OTHER',
] as const;
export type Sport = (typeof SPORTS)[number];
export const SKILL_LEVELS = ['ANY', 'BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const JOIN_POLICIES = ['OPEN', 'APPROVAL'] as const;
export type JoinPolicy = (typeof JOIN_POLICIES)[number];
export type ActivityStatus = 'SCHEDULED' | 'CANCELLED';
export type ParticipationStatus =
  'HOST' | 'JOINED' | 'REQUESTED' | 'WAITLISTED' | 'DECLINED' | 'WITHDRAWN' | 'LEFT' | 'REMOVED';
export type ActivityRelation = 'HOSTING' | 'JOINED' | 'REQUESTED' | 'WAITLISTED';
export type TimeScope = 'UPCOMING' | 'PAST';

export interface Participation {
  activityId: string;
  user: PublicProfile;
  status: ParticipationStatus;
  /** 1-based place in the waitlist while WAITLISTED, else null. */
  position: number | null;
  /** Only the host and the requester see it. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a list card shows. */
export interface ActivitySummary {
  id: string;
  sport: Sport;
  title: string;
  place: string;
  startsAt: string;
  durationMinutes: number;
  endsAt: string;
  capacity: number;
  skillLevel: SkillLevel;
  joinPolicy: JoinPolicy;
  status: ActivityStatus;
  host: PublicProfile;
  participantCount: number;
  freePlaces: number;
  waitlistCount: number;
  myParticipation: Participation | null;
}

/** Everything the detail page shows. */
export interface Activity extends ActivitySummary {
  description: string;
  mapUrl: string | null;
  participants: Participation[];
  /** Pending requests: filled for the host only. */
  requests: Participation[];
  waitlist: Participation[];
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

export interface ActivityFilter {
  sport?: Sport;
  /** Starts at or after (server default: now). */
  from?: string;
  /** Starts before. */
  to?: string;
  skillLevel?: SkillLevel;
  hasFreePlaces?: boolean;
  text?: string;
}

export interface ActivityInput {
  sport: Sport;
  title: string;
  description: string;
  place: string;
  mapUrl: string | null;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  skillLevel: SkillLevel;
  joinPolicy: JoinPolicy;
}

export type ActivityChangeKind =
  | 'UPDATED'
  | 'CANCELLED'
  | 'JOINED'
  | 'REQUESTED'
  | 'WITHDRAWN'
  | 'APPROVED'
  | 'DECLINED'
  | 'WAITLISTED'
  | 'PROMOTED'
  | 'LEFT'
  | 'REMOVED';

/** A live event on one activity: the watcher refetches what it shows. */
export interface ActivityChange {
  activityId: string;
  kind: ActivityChangeKind;
  userId: string | null;
  at: string;
}

export type NotificationType =
  | 'JOIN_REQUEST_RECEIVED'
  | 'JOIN_REQUEST_APPROVED'
  | 'JOIN_REQUEST_DECLINED'
  | 'ACTIVITY_WAITLIST_PROMOTED'
  | 'ACTIVITY_CHANGED'
  | 'ACTIVITY_CANCELLED'
  | 'PARTICIPANT_REMOVED'
  | 'SESSION_CHANGED'
  | 'SESSION_CANCELLED'
  | 'BOOKING_PROMOTED'
  | 'NEW_MESSAGE';

export interface AppNotification {
  id: string;
  userId: string;
  type: NotificationType;
  actor: PublicProfile | null;
  activityId: string | null;
  sessionId: string | null;
  conversationId: string | null;
  /** Type-specific details (activity title, new start…), parsed from AWSJSON. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface UnreadCounts {
  messages: number;
  notifications: number;
}
