import type { Kysely } from 'kysely';
import type { Database, ProfileRow, University } from './db/types.js';
import type { ConfirmedUser } from './profiles/ensureProfile.js';
import type { EventPublisher } from './events.js';
import type { RateLimits } from './rules/limits.js';

/** The user pool, as the server uses it (Cognito's admin API in AWS, the local Cognito offline). */
export interface UserDirectory {
  /** The pool's own record of a user. */
  findBySub(sub: string): Promise<ConfirmedUser | null>;
  /** Revokes every refresh token of the user (AdminUserGlobalSignOut): no session can be renewed. */
  signOutEverywhere(sub: string): Promise<void>;
}

/**
 * Where a user's Cognito groups change: AdminAddUserToGroup/AdminRemoveUserFromGroup in AWS, the
 * local Cognito's pool called in-process offline (never over its HTTP admin operations).
 */
export interface UserGroups {
  add(sub: string, group: string): Promise<void>;
  remove(sub: string, group: string): Promise<void>;
}

/** What every resolver may use. Built once per process (per Lambda container in AWS). */
export interface Services {
  db: Kysely<Database>;
  userDirectory: UserDirectory;
  userGroups: UserGroups;
  events: EventPublisher;
  now(): Date;
  /** The limits on volume (rules/limits.ts RATE_LIMITS when absent); a local cloud may widen them. */
  rateLimits?: Partial<RateLimits>;
  /**
   * Told after a user's sessions were ended, so a process that remembers cut-offs (the local
   * gateway's check before each subscription delivery) reads them again. Nothing to tell in AWS.
   */
  sessionsEnded?(userId: string): void;
}

/** The signed-in user a request is made for; the tenant always comes from `profile.university_id`. */
export interface Caller {
  sub: string;
  /** The groups the server keeps for the user (profiles.roles): the truth for every staff check. */
  groups: string[];
  /** The groups the access token was issued with: possibly out of date by up to an hour. */
  tokenGroups: string[];
  /** Seconds since the epoch, from the access token. */
  issuedAt: number;
  /** The sign-in this token belongs to (Cognito's `origin_jti`, kept across refreshes), if any. */
  sessionId: string | null;
  profile: ProfileRow;
  /**
   * The caller's university as read with the profile, in the same query (absent only when the
   * profile had to be made on the spot): the tenant's rules without another round trip.
   */
  university?: University;
}

export function isStaff(caller: Caller): boolean {
  return caller.groups.includes('staff') || caller.groups.includes('admin');
}

export function isAdmin(caller: Caller): boolean {
  return caller.groups.includes('admin');
}
