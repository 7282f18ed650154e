import type { Caller, Services } from '../context.js';
import type { ProfileRow, SportLevelValue, University } from '../db/types.js';
import { forbidden, notFound } from '../errors.js';
import { PROFILE_LIMITS } from '../rules/limits.js';
import { requireObject, requireText } from '../validation.js';
import { requireSportLevels, sportLevelsJson, sportLevelsOf } from './sports.js';
import { endSessions, signOutEverywhere as endEverySession } from './sessions.js';

export interface ProfileView {
  id: string;
  displayName: string;
  email: string;
  university: UniversityView;
  roles: string[];
  sports: SportLevelValue[];
  bio: string;
  createdAt: string;
  updatedAt: string;
}

export interface UniversityView {
  id: string;
  name: string;
  emailDomains: string[];
  timeZone: string;
}

export const toUniversityView = (u: University): UniversityView => ({
  id: u.id,
  name: u.name,
  emailDomains: u.email_domains,
  timeZone: u.time_zone,
});

async function loadUniversity(services: Services, id: string): Promise<University> {
  const university = await services.db.selectFrom('universities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!university) throw notFound('university.notFound', 'Your university');
  return university;
}

async function toProfileView(services: Services, row: ProfileRow, known?: University): Promise<ProfileView> {
  // resolveCaller read the caller's university with their profile: reuse it rather than ask again.
  const university = known?.id === row.university_id ? known : await loadUniversity(services, row.university_id);
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    university: toUniversityView(university),
    roles: row.roles,
    sports: sportLevelsOf(row.sports),
    bio: row.bio,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const me = (caller: Caller, _args: unknown, services: Services) =>
  toProfileView(services, caller.profile, caller.university);

export async function updateProfile(caller: Caller, args: Record<string, unknown>, services: Services) {
  const input = requireObject(args.input, 'input');
  const displayName = requireText(input.displayName, {
    field: 'input.displayName',
    subject: 'displayName',
    label: 'Display name',
    ...PROFILE_LIMITS.displayName,
  });
  // Bio and sports are optional in the input: null or absent leaves them as they are.
  const bio =
    input.bio == null
      ? undefined
      : requireText(input.bio, {
          field: 'input.bio',
          subject: 'bio',
          label: 'Bio',
          multiline: true,
          ...PROFILE_LIMITS.bio,
        });
  const sports = input.sports == null ? undefined : requireSportLevels(input.sports, 'input.sports');
  const row = await services.db
    .updateTable('profiles')
    .set({
      display_name: displayName,
      ...(bio === undefined ? {} : { bio }),
      ...(sports === undefined ? {} : { sports: sportLevelsJson(sports) }),
      updated_at: services.now(),
    })
    .where('id', '=', caller.sub)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProfileView(services, row, caller.university);
}

/** Ends every session of the caller, this one included (see sessions.ts). */
export async function signOutEverywhere(caller: Caller, _args: unknown, services: Services) {
  await endEverySession(services.userDirectory, services.db, caller.sub, services.now());
  services.sessionsEnded?.(caller.sub);
  return true;
}

/**
 * Ends every session of the caller but this one: the app calls it right after a password change,
 * for which Cognito has no trigger. Other devices' refresh tokens still renew their tokens at
 * Cognito, but the API refuses those sessions (auth_time and origin_jti survive a refresh).
 */
export async function signOutOtherDevices(caller: Caller, _args: unknown, services: Services) {
  await endSessions(services.db, caller.sub, services.now(), caller.sessionId);
  services.sessionsEnded?.(caller.sub);
  return true;
}

/** Subscription authorizer: a user may only watch their own profile. */
export function onProfileUpdated(caller: Caller, args: Record<string, unknown>) {
  if (args.id !== caller.sub) throw forbidden('profile.notYours', 'You can only follow updates to your own profile.');
  return null;
}
