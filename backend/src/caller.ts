import type { AppSyncResolverEvent } from './event.js';
import { isCognitoIdentity } from './event.js';
import type { Caller, Services } from './context.js';
import { unauthorized } from './errors.js';
import { ensureProfile } from './profiles/ensureProfile.js';
import { sessionEnded, sessionIdOf, type CutOff } from './profiles/sessions.js';
import type { ProfileRow, University } from './db/types.js';
import { textArray } from './shared/textArray.js';

const ADMIN = 'admin';

/**
 * Refuses a token whose session the user ended (signed out everywhere, changed or reset the
 * password): by the sign-in's auth_time, not the token's iat, which a refresh renews. The local
 * gateway calls this too, before each subscription delivery.
 */
export function refuseEndedSession(cutOff: CutOff, claims: Record<string, unknown>): void {
  if (sessionEnded(cutOff, claims))
    throw unauthorized('auth.signedOutEverywhere', 'You signed out on all devices. Sign in again.');
}

/**
 * Turns the event's Cognito identity into a Caller: loads their profile (making it from the user
 * pool's record if the confirmation hook never ran), refuses sessions the user ended (signed out
 * everywhere, changed or reset the password: see profiles/sessions.ts). Staff checks use the
 * membership the server keeps (profiles.roles, changed by an administrator through
 * addStaffMember/removeStaffMember together with the Cognito group), never the token's groups: a
 * token keeps the groups it was issued with for an hour, and someone removed from staff must lose
 * access at their next request. Only `admin` follows the token (see below).
 */
export async function resolveCaller(event: AppSyncResolverEvent, services: Services): Promise<Caller> {
  const identity = event.identity;
  if (!isCognitoIdentity(identity)) throw unauthorized('auth.signInRequired', 'Sign in to use Huddle.');
  const groups = [...(identity.groups ?? [])].sort();
  const issuedAt = Number(identity.claims.iat ?? 0);
  const sessionId = sessionIdOf(identity.claims);
  const { db } = services;

  // One round trip: the profile with its university (every resolver needs the tenant; many need its rules).
  const row = await db
    .selectFrom('profiles')
    .innerJoin('universities as u', 'u.id', 'profiles.university_id')
    .selectAll('profiles')
    .select([
      'u.name as u_name',
      'u.email_domains as u_email_domains',
      'u.time_zone as u_time_zone',
      'u.booking_opens_days as u_booking_opens_days',
      'u.free_cancel_minutes as u_free_cancel_minutes',
      'u.max_bookings_per_day as u_max_bookings_per_day',
      'u.waitlist_closes_minutes as u_waitlist_closes_minutes',
      'u.no_show_limit as u_no_show_limit',
      'u.no_show_window_days as u_no_show_window_days',
      'u.no_show_block_days as u_no_show_block_days',
      'u.created_at as u_created_at',
    ])
    .where('profiles.id', '=', identity.sub)
    .executeTakeFirst();
  let profile: ProfileRow | undefined;
  let university: University | undefined;
  if (row) {
    const {
      u_name,
      u_email_domains,
      u_time_zone,
      u_booking_opens_days,
      u_free_cancel_minutes,
      u_max_bookings_per_day,
      u_waitlist_closes_minutes,
      u_no_show_limit,
      u_no_show_window_days,
      u_no_show_block_days,
      u_created_at,
      ...profileColumns
    } = row;
    profile = profileColumns;
    university = {
      id: profileColumns.university_id,
      name: u_name,
      email_domains: u_email_domains,
      time_zone: u_time_zone,
      booking_opens_days: u_booking_opens_days,
      free_cancel_minutes: u_free_cancel_minutes,
      max_bookings_per_day: u_max_bookings_per_day,
      waitlist_closes_minutes: u_waitlist_closes_minutes,
      no_show_limit: u_no_show_limit,
      no_show_window_days: u_no_show_window_days,
      no_show_block_days: u_no_show_block_days,
      created_at: u_created_at,
    };
  } else {
    const record = await services.userDirectory.findBySub(identity.sub);
    if (!record) throw unauthorized('auth.accountMissing', 'Your account could not be found. Sign in again.');
    profile = await ensureProfile(db, { ...record, groups });
  }

  refuseEndedSession(profile, identity.claims);

  // Administrators are named in the user pool itself (AWS console or CLI), not in the app: that one
  // group is still read from the token. Staff membership is the app's, changed only with addStaffMember.
  const tokenAdmin = groups.includes(ADMIN);
  if (tokenAdmin !== profile.roles.includes(ADMIN)) {
    const roles = tokenAdmin ? [...profile.roles, ADMIN] : profile.roles.filter((role) => role !== ADMIN);
    profile = await db
      .updateTable('profiles')
      .set({ roles: textArray(roles.sort()) })
      .where('id', '=', profile.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return {
    sub: identity.sub,
    groups: [...profile.roles].sort(),
    tokenGroups: groups,
    issuedAt,
    sessionId,
    profile,
    ...(university ? { university } : {}),
  };
}
