import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_universities_and_profiles.js';
import * as m0002 from './migrations/0002_activities_messaging_classes.js';
import * as m0003 from './migrations/0003_launch_universities.js';
import * as m0004 from './migrations/0004_people_and_read_receipts.js';
import * as m0005 from './migrations/0005_class_policies.js';
import * as m0006 from './migrations/0006_session_cut_off.js';
import * as m0007 from './migrations/0007_rate_limits.js';
import * as m0008 from './migrations/0008_late_cancel_records.js';

/**
 * Migrations are imported, not read from a folder, so the same list ships inside the bundled
 * Lambda. Append new ones here in order; never edit one that has run.
 */
const migrations: Record<string, Migration> = {
  '0001_universities_and_profiles': m0001,
  '0002_activities_messaging_classes': m0002,
  '0003_launch_universities': m0003,
  '0004_people_and_read_receipts': m0004,
  '0005_class_policies': m0005,
  '0006_session_cut_off': m0006,
  '0007_rate_limits': m0007,
  '0008_late_cancel_records': m0008,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  // Name the schema: without it Kysely's migrator takes a `kysely_migration` table in ANY schema of the
  // database as its own (it introspects them all), so test files migrating their own schemas side by
  // side on one server break each other.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrationTableSchema = rows[0]?.schema;
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Kysely's migrator takes a lock and reads its tables on every start; a plain read is enough to see nothing is due. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator's own table
async function isUpToDate(db: Kysely<any>): Promise<boolean> {
  try {
    const done = await db.selectFrom('kysely_migration').select('name').execute();
    const names = new Set(done.map((row: { name: string }) => row.name));
    return Object.keys(migrations).every((name) => names.has(name));
  } catch {
    return false; // no migration table yet: a new database
  }
}
