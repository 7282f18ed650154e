import { PGlite } from '@electric-sql/pglite';
import { startDataApiStandIn, type DataApiStandIn } from '../../../backend/local/dataApi/index.js';
import { connectDatabase, type DatabaseHandle } from '../../../backend/src/db/connect.js';
import { newTestSchemaName } from './testSchemas.js';

/** A database reached as the Lambdas reach Aurora: Kysely's Data API dialect → the real RDS Data client → the stand-in. */
export interface DataApiDatabase extends DatabaseHandle {
  standIn: DataApiStandIn;
}

/**
 * The stand-in over PGlite in memory, or over a fresh schema of the server at TEST_DATABASE_URL.
 * Closing it fails if any request named a transaction id the stand-in did not hold: our code must
 * never send a finished one.
 */
export async function openDataApiDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<DataApiDatabase> {
  const underlying = serverUrl ? await freshSchema(serverUrl) : await inMemory();
  const standIn = await startDataApiStandIn(underlying.target);
  const handle = await connectDatabase({
    dataApi: {
      clusterArn: standIn.clusterArn,
      secretArn: standIn.secretArn,
      database: standIn.database,
      client: standIn.client(),
    },
  });
  return {
    ...handle,
    standIn,
    async close() {
      await handle.close();
      await standIn.close();
      await underlying.close();
      if (standIn.refusals.length) {
        throw new Error(
          `Requests named transaction ids the Data API did not hold: ${JSON.stringify(standIn.refusals)}`,
        );
      }
    },
  };
}

async function inMemory() {
  const pglite = new PGlite('memory://');
  await pglite.waitReady;
  return { target: { pglite }, close: () => pglite.close() };
}

/** A schema of its own on the server, dropped when the whole run ends (testSchemas.ts says why). */
async function freshSchema(url: string) {
  const schema = newTestSchemaName();
  const admin = await connectDatabase({ url });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return { target: { url: scoped.toString() }, close: async () => {} };
}
