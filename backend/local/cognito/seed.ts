/**
 * Seeding and lookups that go straight to the pool, for the lead's seed script and the profile
 * fallback: no HTTP round trip and no temporary-password dance (AdminCreateUser would leave the
 * user in FORCE_CHANGE_PASSWORD).
 */
import { randomUUID } from 'node:crypto';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import { assertPasswordPolicy } from './passwordPolicy.js';
import { CTX, record, type Hooks } from './services.js';

export interface SeedUser {
  email: string;
  password: string;
  name: string;
  groups?: string[];
}

export interface UserRecord {
  sub: string;
  email: string;
  attributes: Record<string, string>;
  groups: string[];
}

async function addUserToGroup(pool: UserPoolService, groupName: string, user: User) {
  const now = new Date();
  // listGroups, not getGroupByGroupName: the latter throws while the pool has no group at all.
  const group = (await pool.listGroups(CTX)).find((g) => g.GroupName === groupName) ?? {
    GroupName: groupName,
    CreationDate: now,
    LastModifiedDate: now,
    members: [],
  };
  await pool.addUserToGroup(CTX, group, user);
}

/**
 * A confirmed user with a permanent password and a verified email, in `groups`. Idempotent: an
 * existing user keeps its password and name and only gains missing groups. The PostConfirmation
 * hook runs every time (it must be idempotent) so the app's own records exist even after the
 * app database was reset while the pool was kept.
 */
export async function ensureUser(pool: UserPoolService, hooks: Hooks, u: SeedUser): Promise<string> {
  const email = u.email.trim().toLowerCase();
  let user = await pool.getUserByUsername(CTX, email);
  if (!user) {
    assertPasswordPolicy(u.password);
    const sub = randomUUID();
    const now = new Date();
    user = {
      Username: sub, // as Cognito does for email-as-username pools
      Attributes: [
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: u.name },
      ],
      Enabled: true,
      Password: u.password,
      RefreshTokens: [],
      UserCreateDate: now,
      UserLastModifiedDate: now,
      UserStatus: 'CONFIRMED',
    };
    await pool.saveUser(CTX, user);
  }
  for (const group of u.groups ?? []) await addUserToGroup(pool, group, user);
  const found = await getUser(pool, user.Username);
  if (!found) throw new Error(`seeded user ${email} vanished`);
  await hooks.postConfirmation(found);
  return found.sub;
}

export async function getUser(pool: UserPoolService, subOrUsername: string): Promise<UserRecord | null> {
  const user = await pool.getUserByUsername(CTX, subOrUsername);
  if (!user) return null;
  const attributes = record(user.Attributes);
  return {
    sub: attributes.sub ?? user.Username,
    email: attributes.email ?? '',
    attributes,
    groups: [...(await pool.listUserGroupMembership(CTX, user))],
  };
}

async function userBySub(pool: UserPoolService, sub: string): Promise<User> {
  const user = await pool.getUserByUsername(CTX, sub);
  if (!user) throw new Error(`No user ${sub} in the local user pool.`);
  return user;
}

/** AdminAddUserToGroup, in-process: idempotent, and the group is made on first use. */
export async function addToGroup(pool: UserPoolService, sub: string, group: string): Promise<void> {
  await addUserToGroup(pool, group, await userBySub(pool, sub));
}

/** AdminRemoveUserFromGroup, in-process: removing someone who is not in the group changes nothing. */
export async function removeFromGroup(pool: UserPoolService, sub: string, groupName: string): Promise<void> {
  const user = await userBySub(pool, sub);
  const group = (await pool.listGroups(CTX)).find((g) => g.GroupName === groupName);
  if (group) await pool.removeUserFromGroup(CTX, group, user);
}
