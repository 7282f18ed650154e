import { sql } from 'kysely';
import type { Caller, Services } from '../context.js';
import { isStaff } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { toUniversityView } from '../profiles/resolvers.js';

/**
 * The staff page's numbers for the caller's own university. The schema already limits the field
 * to the staff and admin groups; the check is repeated here so the rule holds whatever the
 * gateway's configuration.
 */
export async function staffOverview(caller: Caller, _args: unknown, services: Services) {
  if (!isStaff(caller)) throw forbidden('staff.only', 'Only sports-centre staff can see this page.');
  const universityId = caller.profile.university_id;
  const university = await services.db
    .selectFrom('universities')
    .selectAll()
    .where('id', '=', universityId)
    .executeTakeFirst();
  if (!university) throw notFound('university.notFound', 'Your university');
  const counts = await services.db
    .selectFrom('profiles')
    .select([
      sql<number>`count(*) filter (where not ('staff' = any(roles)) and not ('admin' = any(roles)))::int`.as(
        'students',
      ),
      sql<number>`count(*) filter (where 'staff' = any(roles))::int`.as('staff'),
    ])
    .where('university_id', '=', universityId)
    .executeTakeFirstOrThrow();
  return { university: toUniversityView(university), studentCount: counts.students, staffCount: counts.staff };
}
