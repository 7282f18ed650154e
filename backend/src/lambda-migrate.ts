/**
 * Runs the database migrations in AWS. infra/ invokes it once per deploy (a CDK Trigger, after the
 * Aurora cluster exists and whenever this code changes); migrateToLatest is idempotent.
 */
import { migrateToLatest } from './db/migrate.js';
import { lambdaDatabase } from './runtime.js';

export async function handler(): Promise<{ applied: string[] }> {
  const applied = await migrateToLatest(await lambdaDatabase());
  console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database already up to date');
  return { applied };
}
