import type { Kysely } from 'kysely';
import type { Database, University } from '../db/types.js';
import { PROFILE_LIMITS } from '../rules/limits.js';
import { textProblem } from '../rules/text.js';

/**
 * The sign-up rule: only an email whose domain belongs to a university Huddle serves may sign up,
 * and that domain decides the user's university. The local Cognito and the production pre-sign-up
 * trigger both call `checkSignUpEmail`, so the rule and its wording live here only.
 */

export type SignUpDecision = { allowed: true; university: University } | { allowed: false; reason: string };

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

export function emailDomain(email: string): string | null {
  const match = EMAIL.exec(email.trim().toLowerCase());
  return match ? match[1]! : null;
}

/** Pure: which of these universities owns the email's exact domain. */
export function universityForEmail(email: string, universities: readonly University[]): University | null {
  const domain = emailDomain(email);
  if (!domain) return null;
  return universities.find((u) => u.email_domains.includes(domain)) ?? null;
}

export function describeRule(universities: readonly University[]): string {
  const list = universities.map((u) => `${u.name} (${u.email_domains.map((d) => '@' + d).join(', ')})`).join('; ');
  return `Sign up with your university email address. Huddle is open to: ${list}.`;
}

export function decideSignUp(email: string, universities: readonly University[]): SignUpDecision {
  if (!emailDomain(email)) return { allowed: false, reason: 'Enter a valid email address.' };
  const university = universityForEmail(email, universities);
  if (university) return { allowed: true, university };
  return { allowed: false, reason: describeRule(universities) };
}

export async function checkSignUpEmail(db: Kysely<Database>, email: string): Promise<SignUpDecision> {
  const universities = await db.selectFrom('universities').selectAll().orderBy('name').execute();
  return decideSignUp(email, universities);
}

/**
 * The display name given at sign-up, by the rule `updateProfile` applies (backend/src/rules/text.ts):
 * required, at most 60 characters, no control or bidirectional-override characters. The sentences
 * are the sign-up form's (the app translates them, src/auth/signUpServices.ts).
 */
export function displayNameRefusal(name: unknown): string | null {
  switch (textProblem(name, PROFILE_LIMITS.displayName)) {
    case null:
      return null;
    case 'tooLong':
      return `Your display name can be at most ${PROFILE_LIMITS.displayName.max} characters.`;
    case 'invalidCharacters':
      return 'Your display name contains characters that are not allowed.';
    default:
      return 'Enter a display name: the name other students see.';
  }
}

/**
 * The whole sign-up check, for the pre-sign-up trigger and the local Cognito: the email, then the
 * name. An account an administrator creates may come without a name (its profile starts as
 * `UNNAMED`), but never with a bad one.
 */
export async function checkSignUp(
  db: Kysely<Database>,
  attributes: { email?: string; name?: string },
  options: { nameRequired: boolean } = { nameRequired: true },
): Promise<{ allowed: true } | { allowed: false; reason: string }> {
  const decision = await checkSignUpEmail(db, attributes.email ?? '');
  if (!decision.allowed) return decision;
  const named = typeof attributes.name === 'string' && attributes.name.trim() !== '';
  const nameRefusal = named || options.nameRequired ? displayNameRefusal(attributes.name) : null;
  return nameRefusal ? { allowed: false, reason: nameRefusal } : { allowed: true };
}
