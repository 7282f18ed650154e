/**
 * A stand-in for the RDS Data API on real PostgreSQL (PGlite in this process, or a server), for
 * tests: the real `@aws-sdk/client-rds-data` reaches it through an endpoint override. It is strict
 * where the service is strict; README.md beside this file lists where it differs.
 */
import { Agent } from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { RDSData } from '@aws-sdk/client-rds-data';
import type { Refusal } from './transactions.js';
import { DataApiServer, type DataApiIdentity, type StandInCounters } from './server.js';
import { pgliteSessions, poolSessions, type SessionSource } from './sessions.js';

export interface DataApiStandInOptions {
  /** The database: a PGlite instance, or a postgres:// URL for a server. */
  pglite?: PGlite;
  url?: string;
  database?: string;
  /** Idle time after which an open transaction is rolled back (the service: 3 minutes). */
  idleTransactionMs?: number;
  port?: number;
}

export interface DataApiStandIn extends DataApiIdentity {
  endpoint: string;
  /**
   * An RDS Data client of the AWS SDK aimed at this stand-in, with throw-away credentials. Its
   * sockets are not capped: a test runs what would be many Lambdas, each with its own client, in
   * one process, and a shared cap of 50 would have transactions waiting for a socket held by a
   * BeginTransaction that waits for their connection.
   */
  client(): RDSData;
  /** Requests that named a transaction id the stand-in did not hold (ended ones marked `finished`). */
  refusals: readonly Refusal[];
  counters: Readonly<StandInCounters>;
  openTransactions(): number;
  close(): Promise<void>;
}

export const STAND_IN_REGION = 'eu-west-1';

export async function startDataApiStandIn(options: DataApiStandInOptions): Promise<DataApiStandIn> {
  const source = await sessionSource(options);
  const identity: DataApiIdentity = {
    clusterArn: `arn:aws:rds:${STAND_IN_REGION}:000000000000:cluster:huddle-stand-in`,
    secretArn: `arn:aws:secretsmanager:${STAND_IN_REGION}:000000000000:secret:huddle-stand-in`,
    database: options.database ?? 'huddle',
  };
  const server = new DataApiServer(source, identity, options.idleTransactionMs ?? 180_000);
  const endpoint = await server.listen(options.port);
  return {
    ...identity,
    endpoint,
    client: () =>
      new RDSData({
        endpoint,
        region: STAND_IN_REGION,
        credentials: { accessKeyId: 'stand-in', secretAccessKey: 'stand-in' },
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: Infinity }) },
      }),
    refusals: server.transactions.refusals,
    counters: server.counters,
    openTransactions: () => server.transactions.openCount,
    async close() {
      await server.close();
      await source.close();
    },
  };
}

async function sessionSource(options: DataApiStandInOptions): Promise<SessionSource> {
  if (options.pglite) return pgliteSessions(options.pglite);
  if (!options.url) throw new Error('The Data API stand-in needs a PGlite instance or a postgres:// URL.');
  const { default: pg } = await import('pg');
  return poolSessions(new pg.Pool({ connectionString: options.url, max: 20 }));
}
