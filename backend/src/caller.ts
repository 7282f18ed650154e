import type { AppSyncResolverEvent } from './event.js';
import { isCognitoIdentity } from './event.js';
import type { Caller, Services } from './context.js';
import { unauthorized } from './errors.js';
import { ensureProfile } from './profiles/ensureProfile.js';

/**
 * Turns the event's Cognito identity into a Caller: loads their profile (making it from the user
 * pool's record if the confirmation hook never ran), refuses tokens issued before the user signed
 * out everywhere, and keeps the stored roles in step with the token's groups.
 */
export async function resolveCaller(event: AppSyncResolverEvent, services: Services): Promise<Caller> {
  const identity = event.identity;
  if (!isCognitoIdentity(identity)) throw unauthorized('Sign in to use Huddle.');
  const groups = [...(identity.groups ?? [])].sort();
  const issuedAt = Number(identity.claims.iat ?? 0);
  const { db } = services;

  let profile = await db.selectFrom('profiles').selectAll().where('id', '=', identity.sub).executeTakeFirst();
  if (!profile) {
    const record = await services.userDirectory.findBySub(identity.sub);
    if (!record) throw unauthorized('Your account could not be found. Sign in again.');
    profile = await ensureProfile(db, { ...record, groups });
  }

  // A token issued in the same second as "sign out everywhere" is refused too: iat has whole seconds.
  if (profile.tokens_valid_after && issuedAt <= Math.floor(profile.tokens_valid_after.getTime() / 1000)) {
    throw unauthorized('You signed out on all devices. Sign in again.');
  }

  if (profile.roles.join(',') !== groups.join(',')) {
    profile = await db
      .updateTable('profiles')
      .set({ roles: groups })
      .where('id', '=', profile.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return { sub: identity.sub, groups, issuedAt, profile };
}
