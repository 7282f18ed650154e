import { sql, type Kysely } from 'kysely';

/**
 * The universities Huddle launches at, so that a fresh deploy lets their students sign up at once
 * (the pre-sign-up trigger admits only domains found here). Later ones are added with
 * `npm run university:add`. The list is frozen here, as a migration that has run must never change;
 * a database that already has one of these ids (a local cloud seeded before this migration) keeps
 * its own row.
 */
const launch = [
  { id: 'kuleuven', name: 'KU Leuven', domains: 'kuleuven.be,student.kuleuven.be' },
  { id: 'ugent', name: 'Ghent University', domains: 'ugent.be' },
  { id: 'ulb', name: 'Université libre de Bruxelles', domains: 'ulb.be' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const university of launch) {
    // The Data API takes no array parameters: the domains travel as one string and PostgreSQL splits it.
    await sql`
      insert into universities (id, name, email_domains, time_zone)
      values (${university.id}, ${university.name}, string_to_array(${university.domains}, ','), 'Europe/Brussels')
      on conflict (id) do nothing`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Only universities nobody has joined yet can go.
  await sql`
    delete from universities u
    where u.id in ('kuleuven', 'ugent', 'ulb')
      and not exists (select 1 from profiles p where p.university_id = u.id)`.execute(db);
}
