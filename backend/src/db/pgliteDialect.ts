import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';

/**
 * Lets Kysely's own Postgres dialect drive an embedded PGlite database. PGlite is one connection, so
 * the "pool" hands out that connection to one borrower at a time: a transaction keeps it until it
 * commits, and every other query waits its turn instead of slipping into someone else's transaction.
 */
export function pgliteDialect(pglite: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new PgliteSingleConnectionPool(pglite) });
}

class PgliteSingleConnectionPool implements PostgresPool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    const pglite = this.pglite;
    return {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        // PGlite runs on this thread, and its queries resolve as microtasks: run back to back (a
        // backlog of borrowers, or a transaction's statements), they would keep Node from reading
        // its sockets until they were all done — no request parsed, not even to answer 429. Before
        // each query, the event loop takes its turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const result = await pglite.query<R>(sql, [...parameters]);
        return {
          command: (result as { command?: string }).command as PostgresQueryResult<R>['command'],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => release(),
    } as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.tail;
  }
}
