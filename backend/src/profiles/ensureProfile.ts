import type { Kysely } from 'kysely';
import type { Database, ProfileRow } from '../db/types.js';
import { checkSignUpEmail } from '../universities/signUpRule.js';
import { textArray } from '../shared/textArray.js';

export interface ConfirmedUser {
  sub: string;
  email: string;
  /** The `name` attribute given at sign-up; falls back to the email's local part. */
  name?: string;
  groups: string[];
}

/**
 * Creates the profile of a user whose sign-up was just confirmed, or returns the existing one.
 * The access token carries no email, so this is where the email (and through it the university)
 * is recorded. Called by the local Cognito on ConfirmSignUp, by the production post-confirmation
 * trigger, and by `me` as a fallback with the user pool's record.
 */
export async function ensureProfile(db: Kysely<Database>, user: ConfirmedUser): Promise<ProfileRow> {
  const email = user.email.trim().toLowerCase();
  const existing = await db.selectFrom('profiles').selectAll().where('id', '=', user.sub).executeTakeFirst();
  if (existing) return existing;
  const decision = await checkSignUpEmail(db, email);
  if (!decision.allowed) throw new Error(decision.reason);
  const displayName = (user.name?.trim() || email.split('@')[0]!).slice(0, 60);
  await db
    .insertInto('profiles')
    .values({
      id: user.sub,
      email,
      university_id: decision.university.id,
      display_name: displayName,
      roles: textArray([...user.groups].sort()),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db.selectFrom('profiles').selectAll().where('id', '=', user.sub).executeTakeFirstOrThrow();
}
