import { sql } from 'kysely';
import { connectDatabase } from '../../../backend/src/db/connect.js';

/**
 * On a PostgreSQL server (TEST_DATABASE_URL) each test file migrates a schema of its own, named
 * `t_…`, on the same database, two files at a time. The schemas are dropped here, once every file
 * has finished, not as each file ends: Kysely's migrator reads the tables of every schema of the
 * database before it migrates, and a schema dropped during that read fails the file still migrating
 * ("schema t_… does not exist"), as it once did in CI.
 */
export const TEST_SCHEMA_PREFIX = 't_';

/** A fresh schema name for one test file. */
export function newTestSchemaName(): string {
  return `${TEST_SCHEMA_PREFIX}${Math.random().toString(36).slice(2, 10)}`;
}

/** Vitest global setup: nothing before the run; after it, every test schema is dropped. */
export default function setup(): () => Promise<void> {
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const admin = await connectDatabase({ url });
    try {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_namespace where nspname like ${`${TEST_SCHEMA_PREFIX}%`}`.execute(admin.db);
      for (const { name } of rows) await admin.db.schema.dropSchema(name).ifExists().cascade().execute();
    } finally {
      await admin.close();
    }
  };
}
