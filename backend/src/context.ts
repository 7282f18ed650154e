import type { Kysely } from 'kysely';
import type { Database, ProfileRow } from './db/types.js';
import type { ConfirmedUser } from './profiles/ensureProfile.js';
import type { EventPublisher } from './events.js';

/** Where the user pool's own record of a user can be read (AdminGetUser in AWS, the local Cognito offline). */
export interface UserDirectory {
  findBySub(sub: string): Promise<ConfirmedUser | null>;
}

/** What every resolver may use. Built once per process (per Lambda container in AWS). */
export interface Services {
  db: Kysely<Database>;
  userDirectory: UserDirectory;
  events: EventPublisher;
  now(): Date;
}

/** The signed-in user a request is made for; the tenant always comes from `profile.university_id`. */
export interface Caller {
  sub: string;
  groups: string[];
  /** Seconds since the epoch, from the access token. */
  issuedAt: number;
  profile: ProfileRow;
}

export function isStaff(caller: Caller): boolean {
  return caller.groups.includes('staff') || caller.groups.includes('admin');
}
