import type { Kysely } from 'kysely';
import type { Database, ProfileRow } from '../db/types.js';
import { checkSignUpEmail } from '../universities/signUpRule.js';
import { PROFILE_LIMITS } from '../rules/limits.js';
import { textArray } from '../shared/textArray.js';

export interface ConfirmedUser {
  sub: string;
  email: string;
  /** The `name` attribute given at sign-up (checked there); never replaced by anything from the email. */
  name?: string;
  groups: string[];
}

/**
 * The name a profile starts with when its account carries none: neutral, and never the email's
 * local part (which is often a student number or a full name the person did not choose to show).
 */
export const UNNAMED = 'Huddle member';

/**
 * A sign-up's name as a display name. Sign-up refuses a bad one (signUpRule.ts), but an account
 * made another way (an administrator, the `me` fallback) reaches here unchecked: control and
 * bidirectional-override characters are dropped, line breaks become spaces, and it is cut to the
 * profile's limit; nothing left gives UNNAMED.
 */
export function safeDisplayName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = [...cleaned].slice(0, PROFILE_LIMITS.displayName.max).join('').trim();
  return cut || UNNAMED;
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
  const displayName = safeDisplayName(user.name);
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
