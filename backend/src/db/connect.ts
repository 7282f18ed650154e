import { availableParallelism } from 'node:os';
import { Kysely } from 'kysely';
import type { RDSData } from '@aws-sdk/client-rds-data';
import type { Database } from './types.js';

/**
 * Connections per process: twice the cores by default. More only queue up as server processes
 * fighting over the same cores — on this 2-core machine 10 connections gave p95 ≈ 50 ms at
 * 200 requests/s where 4 give ≈ 10 ms (BENCHMARKS.md). DATABASE_POOL_SIZE overrides it.
 */
function poolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.min(10, Math.max(2, 2 * availableParallelism()));
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** What the data lives in, for start-up messages: `PGlite <dir>` or `PostgreSQL <host/db>`. */
  description: string;
  close(): Promise<void>;
}

/** Aurora through the RDS Data API: HTTPS calls signed with the function's role, no VPC, no pool. */
export interface DataApiTarget {
  clusterArn: string;
  secretArn: string;
  database: string;
  /** The RDS Data client; a default one (the function's credentials and region) when absent. */
  client?: RDSData;
}

/**
 * `DATABASE_CLUSTER_ARN` + `DATABASE_SECRET_ARN` (+ `DATABASE_NAME`, default `huddle`) as set on the
 * Lambdas by infra/: the Data API target, or undefined when they are not both set.
 */
export function dataApiTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DataApiTarget | undefined {
  const clusterArn = env.DATABASE_CLUSTER_ARN;
  const secretArn = env.DATABASE_SECRET_ARN;
  if (!clusterArn || !secretArn) return undefined;
  return { clusterArn, secretArn, database: env.DATABASE_NAME || 'huddle' };
}

/**
 * `dataApi` selects Aurora through the RDS Data API; `DATABASE_URL` (postgres://…) a real
 * PostgreSQL server; otherwise the embedded PGlite database in `pgliteDir` is used. Drivers are
 * imported on demand so a Lambda bundle only carries the one it uses.
 */
export async function connectDatabase(options: {
  dataApi?: DataApiTarget;
  url?: string;
  pgliteDir?: string;
  /** Connections for a PostgreSQL server; see poolSize(). */
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (options.dataApi) {
    const target = options.dataApi;
    const [{ AuroraDataApiDialect }, { RDSData }] = await Promise.all([
      import('./dataApiDialect.js'),
      import('@aws-sdk/client-rds-data'),
    ]);
    const db = new Kysely<Database>({
      dialect: new AuroraDataApiDialect({
        client: target.client ?? new RDSData({}),
        database: target.database,
        resourceArn: target.clusterArn,
        secretArn: target.secretArn,
      }),
    });
    const cluster = target.clusterArn.split(':').pop();
    return { db, description: `Aurora Data API ${cluster}/${target.database}`, close: () => db.destroy() };
  }
  if (options.url) {
    const [{ default: pg }, { PostgresDialect }] = await Promise.all([import('pg'), import('kysely')]);
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? poolSize() });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const where = new URL(options.url);
    return { db, description: `PostgreSQL ${where.host}${where.pathname}`, close: () => db.destroy() };
  }
  if (!options.pgliteDir) throw new Error('connectDatabase needs a DATABASE_URL or a PGlite folder.');
  const [{ PGlite }, { pgliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('./pgliteDialect.js'),
  ]);
  const pglite = new PGlite(options.pgliteDir);
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  return {
    db,
    description: `PGlite ${options.pgliteDir}`,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
