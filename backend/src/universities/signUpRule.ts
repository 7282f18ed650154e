import type { Kysely } from 'kysely';
import type { Database, University } from '../db/types.js';

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
