import type { AppSyncResolverEvent } from './event.js';
import { isCognitoIdentity } from './event.js';
import type { Caller, Services } from './context.js';
import { unauthorized } from './errors.js';
import { ensureProfile } from './profiles/ensureProfile.js';
import { textArray } from './shared/textArray.js';
import type { ProfileRow, University } from './db/types.js';

/**
 * Turns the event's Cognito identity into a Caller: loads their profile (making it from the user
 * pool's record if the confirmation hook never ran), refuses tokens issued before the user signed
 * out everywhere, and keeps the stored roles in step with the token's groups.
 */
export async function resolveCaller(event: AppSyncResolverEvent, services: Services): Promise<Caller> {
  const identity = event.identity;
  if (!isCognitoIdentity(identity)) throw unauthorized('auth.signInRequired', 'Sign in to use Huddle.');
  const groups = [...(identity.groups ?? [])].sort();
  const issuedAt = Number(identity.claims.iat ?? 0);
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
      created_at: u_created_at,
    };
  } else {
    const record = await services.userDirectory.findBySub(identity.sub);
    if (!record) throw unauthorized('auth.accountMissing', 'Your account could not be found. Sign in again.');
    profile = await ensureProfile(db, { ...record, groups });
  }

  // A token issued in the same second as "sign out everywhere" is refused too: iat has whole seconds.
  if (profile.tokens_valid_after && issuedAt <= Math.floor(profile.tokens_valid_after.getTime() / 1000)) {
    throw unauthorized('auth.signedOutEverywhere', 'You signed out on all devices. Sign in again.');
  }

  if (profile.roles.join(',') !== groups.join(',')) {
    profile = await db
      .updateTable('profiles')
      .set({ roles: textArray(groups) })
      .where('id', '=', profile.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return { sub: identity.sub, groups, issuedAt, profile, ...(university ? { university } : {}) };
}
