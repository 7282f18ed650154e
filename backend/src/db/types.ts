import type {
  ActivityStatus,
  BookingStatus,
  JoinPolicy,
  NotificationType,
  ParticipationStatus,
  SessionStatus,
  SkillLevel,
  Sport,
} from '../generated/graphql.js';
import type { ColumnType, Generated, Insertable, RawBuilder, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables. Keep in step with ./migrations. */
export interface Database {
  universities: UniversitiesTable;
  profiles: ProfilesTable;
  activities: ActivitiesTable;
  participations: ParticipationsTable;
  blocks: BlocksTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  notifications: NotificationsTable;
  classes: ClassesTable;
  class_sessions: ClassSessionsTable;
  bookings: BookingsTable;
  booking_blocks: BookingBlocksTable;
  rate_limit_events: RateLimitEventsTable;
  late_cancels: LateCancelsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UniversitiesTable {
  id: string;
  name: string;
  email_domains: string[];
  time_zone: string;
  booking_opens_days: ColumnType<number, number | undefined, number>;
  free_cancel_minutes: ColumnType<number, number | undefined, number>;
  max_bookings_per_day: ColumnType<number, number | undefined, number>;
  waitlist_closes_minutes: ColumnType<number, number | undefined, number>;
  no_show_limit: ColumnType<number, number | undefined, number>;
  no_show_window_days: ColumnType<number, number | undefined, number>;
  no_show_block_days: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface ProfilesTable {
  /** The Cognito `sub`: the one identity every request carries. */
  id: string;
  university_id: string;
  email: string;
  display_name: string;
  roles: ColumnType<string[], string[] | RawBuilder<string[]> | undefined, string[] | RawBuilder<string[]>>;
  /** Plain text, at most 280 characters ('' when none). */
  bio: Defaulted<string>;
  /** The sports they play, `[{ sport, level }]`; written as cast jsonb text (profiles/sports.ts). */
  sports: ColumnType<SportLevelValue[], RawBuilder<SportLevelValue[]> | undefined, RawBuilder<SportLevelValue[]>>;
  /**
   * Sessions that signed in at or before this moment are refused (sign out of all devices, a
   * password change or reset): compared with the token's `auth_time`, which a refresh keeps.
   */
  tokens_valid_after: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The one session the cut-off spares (its `origin_jti`): the device that changed the password. */
  tokens_kept_session: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One entry of a profile's sports. */
export interface SportLevelValue {
  sport: Sport;
  level: SkillLevel;
}

export type University = Selectable<UniversitiesTable>;
export type NewUniversity = Insertable<UniversitiesTable>;
export type ProfileRow = Selectable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

// Status columns hold the schema's enum values: their types come from the generated schema types.
export type { ActivityStatus, BookingStatus, ParticipationStatus } from '../generated/graphql.js';

export interface ActivitiesTable {
  id: Generated<string>;
  university_id: string;
  host_id: string;
  sport: Sport;
  title: string;
  description: Defaulted<string>;
  place: string;
  map_url: string | null;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: number;
  skill_level: SkillLevel;
  join_policy: JoinPolicy;
  status: Defaulted<ActivityStatus>;
  confirmed_count: Defaulted<number>;
  cancelled_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ParticipationsTable {
  activity_id: string;
  user_id: string;
  status: ParticipationStatus;
  note: string | null;
  /** Arrival order (a sequence): the waitlist is served first come, first served. */
  queued_seq: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: CreatedAt;
}

export interface ConversationsTable {
  id: string;
  university_id: string;
  user_a: string;
  user_b: string;
  last_message_id: string | null;
  last_message_at: Defaulted<Date>;
  a_read_at: NullableTimestamp;
  b_read_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  sender_id: string;
  recipient_id: string;
  client_id: string;
  text: string;
  created_at: CreatedAt;
}

/** A late cancel kept when its booking was booked again (migration 0008). */
export interface LateCancelsTable {
  session_id: string;
  user_id: string;
  cancelled_at: ColumnType<Date, Date | string, never>;
}

/** One limited action a user took (backend/src/shared/rateLimit.ts). */
export interface RateLimitEventsTable {
  user_id: string;
  action: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  type: NotificationType;
  actor_id: string | null;
  activity_id: string | null;
  session_id: string | null;
  conversation_id: string | null;
  data: ColumnType<
    Record<string, unknown>,
    string | Record<string, unknown> | RawBuilder<Record<string, unknown>> | undefined,
    string
  >;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
}

export interface ClassesTable {
  id: Generated<string>;
  university_id: string;
  name: string;
  description: Defaulted<string>;
  sport: Sport;
  instructor: string;
  place: string;
  capacity: number;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ClassSessionsTable {
  id: Generated<string>;
  class_id: string;
  university_id: string;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: number;
  status: Defaulted<SessionStatus>;
  confirmed_count: Defaulted<number>;
  cancelled_at: NullableTimestamp;
  /** Null: the class's place. */
  place: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BookingsTable {
  session_id: string;
  user_id: string;
  status: BookingStatus;
  queued_seq: ColumnType<string, string | number | undefined, string | number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  cancelled_at: NullableTimestamp;
  checked_in_at: NullableTimestamp;
  /** What staff scan or type at the door (see CHECK_IN_CODE); unique within its session. */
  check_in_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A student's no-show block: no new bookings from starts_at until ends_at, unless lifted. */
export interface BookingBlocksTable {
  id: Generated<string>;
  university_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  no_shows: number;
  counted_from: Timestamp;
  lifted_at: NullableTimestamp;
  lifted_by: string | null;
  created_at: CreatedAt;
}

export type ActivityRow = Selectable<ActivitiesTable>;
export type ParticipationRow = Selectable<ParticipationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ClassRow = Selectable<ClassesTable>;
export type ClassSessionRow = Selectable<ClassSessionsTable>;
export type BookingRow = Selectable<BookingsTable>;
export type BookingBlockRow = Selectable<BookingBlocksTable>;
