import type { Kysely } from 'kysely';
import type { Database, NewUniversity } from '../src/db/types.js';

/**
 * Demo data for the local cloud. Idempotent: it runs at every start and only adds what is missing,
 * so a restart never duplicates or overwrites anything a developer changed.
 */

export const DEMO_PASSWORD = 'Huddle-demo-2026';

export const universities: NewUniversity[] = [
  {
    id: 'kuleuven',
    name: 'KU Leuven',
    email_domains: ['kuleuven.be', 'student.kuleuven.be'],
    time_zone: 'Europe/Brussels',
  },
  { id: 'ugent', name: 'Ghent University', email_domains: ['ugent.be'], time_zone: 'Europe/Brussels' },
  { id: 'ulb', name: 'Université libre de Bruxelles', email_domains: ['ulb.be'], time_zone: 'Europe/Brussels' },
];

export interface DemoAccount {
  email: string;
  name: string;
  groups: string[];
  role: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'emma.peeters@student.kuleuven.be', name: 'Emma Peeters', groups: [], role: 'student, KU Leuven' },
  { email: 'lucas.janssens@student.kuleuven.be', name: 'Lucas Janssens', groups: [], role: 'student, KU Leuven' },
  { email: 'sarah.desmet@ugent.be', name: 'Sarah De Smet', groups: [], role: 'student, Ghent University' },
  { email: 'pieter.maes@kuleuven.be', name: 'Pieter Maes', groups: ['staff'], role: 'sports-centre staff, KU Leuven' },
  { email: 'admin@kuleuven.be', name: 'Huddle Admin', groups: ['admin'], role: 'administrator' },
];

export async function seedUniversities(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('universities')
    .values(universities)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
