import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { textArray } from '../shared/textArray.js';

/**
 * Adding a university after launch (`npm run university:add`): the tenant row whose email domains
 * the sign-up rule admits. Its students can sign up as soon as it exists.
 */
export interface NewUniversityInput {
  id: string;
  name: string;
  emailDomains: string[];
  timeZone: string;
}

/** A refusal to show the operator as it is. */
export class UniversityInputError extends Error {
  override name = 'UniversityInputError';
}

const ID = /^[a-z][a-z0-9-]{1,39}$/;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The input cleaned up (trimmed, domains lower-cased without "@"), or every problem at once. */
export function checkNewUniversity(input: NewUniversityInput): NewUniversityInput {
  const problems: string[] = [];
  const id = input.id.trim();
  const name = input.name.trim();
  const emailDomains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))].filter(
    Boolean,
  );
  const timeZone = input.timeZone.trim();
  if (!ID.test(id))
    problems.push(`The id "${id}" should be 2 to 40 lower-case letters, digits or dashes, starting with a letter.`);
  if (!name || name.length > 100) problems.push('The name should be 1 to 100 characters.');
  if (!emailDomains.length) problems.push('Give at least one email domain, e.g. vub.be.');
  for (const domain of emailDomains) if (!DOMAIN.test(domain)) problems.push(`"${domain}" is not an email domain.`);
  if (!isTimeZone(timeZone)) problems.push(`"${timeZone}" is not a time zone such as Europe/Brussels.`);
  if (problems.length) throw new UniversityInputError(problems.join('\n'));
  return { id, name, emailDomains, timeZone };
}

/**
 * Adds the university, or finds it already there exactly as given (the command can be run again).
 * Refuses an id taken by a different university and a domain another university owns: one email
 * must lead to one tenant.
 */
export async function addUniversity(db: Kysely<Database>, input: NewUniversityInput): Promise<'added' | 'unchanged'> {
  const university = checkNewUniversity(input);
  const joined = university.emailDomains.join(',');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('universities')
      .selectAll()
      .where('id', '=', university.id)
      .executeTakeFirst();
    if (existing) {
      const same =
        existing.name === university.name &&
        existing.time_zone === university.timeZone &&
        [...existing.email_domains].sort().join(',') === [...university.emailDomains].sort().join(',');
      if (same) return 'unchanged';
      throw new UniversityInputError(
        `The id "${university.id}" already belongs to ${existing.name}, with other details.`,
      );
    }
    const owners = await trx
      .selectFrom('universities')
      .select(['name', 'email_domains'])
      .where(sql<boolean>`email_domains && string_to_array(${joined}, ',')`)
      .execute();
    if (owners.length) {
      const taken = owners.map((o) => `${o.name} (${o.email_domains.map((d) => '@' + d).join(', ')})`).join('; ');
      throw new UniversityInputError(`A domain is already another university's: ${taken}.`);
    }
    await trx
      .insertInto('universities')
      .values({
        id: university.id,
        name: university.name,
        email_domains: textArray(university.emailDomains),
        time_zone: university.timeZone,
      })
      .execute();
    return 'added';
  });
}
