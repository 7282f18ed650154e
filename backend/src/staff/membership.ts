import { sql } from 'kysely';
import type { ProfileRow } from '../db/types.js';
import { AppError, notFound } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import type { Services } from '../context.js';
import { requireSameUniversityUser, toPublicProfile } from '../profiles/publicProfile.js';
import { requireAdmin } from '../classes/policies.js';

/**
 * Administrators name and remove their university's sports-centre staff. Two records change: the
 * Cognito group (so new tokens carry it, and AppSync lets staff fields through) and profiles.roles
 * (what every staff check on the server reads, so a removal holds from the next request). The group
 * changes first: if Cognito refuses, nothing changed; if the database write then failed, repeating
 * the call finishes it (both steps are idempotent).
 */

const STAFF = 'staff';

const toMember = (row: ProfileRow) => ({
  person: toPublicProfile(row),
  email: row.email,
  roles: [...row.roles].sort(),
});

async function changeGroup(services: Services, change: 'add' | 'remove', sub: string): Promise<void> {
  try {
    await services.userGroups[change](sub, STAFF);
  } catch (error) {
    console.error(`staff group ${change} failed for ${sub}:`, error);
    throw new AppError(
      'Conflict',
      'The staff group could not be changed just now. Try again in a moment.',
      'staffMember.groupChangeFailed',
    );
  }
}

export const staffMembers: FieldResolvers['Query.staffMembers'] = async (caller, _args, services) => {
  requireAdmin(caller);
  const rows = await services.db
    .selectFrom('profiles')
    .selectAll()
    .where('university_id', '=', caller.profile.university_id)
    .where(sql<boolean>`roles && array['staff', 'admin']::text[]`)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map(toMember);
};

export const addStaffMember: FieldResolvers['Mutation.addStaffMember'] = async (caller, args, services) => {
  requireAdmin(caller);
  const email = typeof args.email === 'string' ? args.email.trim().toLowerCase() : '';
  // Someone of another university (or nobody) is "not found" alike: no tenant learns of another's people.
  const person = email
    ? await services.db
        .selectFrom('profiles')
        .selectAll()
        .where('email', '=', email)
        .where('university_id', '=', caller.profile.university_id)
        .executeTakeFirst()
    : undefined;
  if (!person) throw notFound('staffMember.notFound', `Nobody of your university with the email ${email}`);
  await changeGroup(services, 'add', person.id);
  const row = await services.db
    .updateTable('profiles')
    .set({
      roles: sql<string[]>`case when 'staff' = any(roles) then roles else array_append(roles, 'staff') end`,
      updated_at: services.now(),
    })
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMember(row);
};

export const removeStaffMember: FieldResolvers['Mutation.removeStaffMember'] = async (caller, args, services) => {
  requireAdmin(caller);
  const person = await requireSameUniversityUser(services.db, caller, args.userId);
  await changeGroup(services, 'remove', person.id);
  const row = await services.db
    .updateTable('profiles')
    .set({ roles: sql<string[]>`array_remove(roles, 'staff')`, updated_at: services.now() })
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMember(row);
};
