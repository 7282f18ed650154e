import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { PgType, ResultField } from './records.js';

/** What one statement gave back, every value still in PostgreSQL's text form. */
export interface RawResult {
  fields: ResultField[];
  rows: (string | null)[][];
  /** INSERT, UPDATE, DELETE, SELECT…; ROLLBACK when a COMMIT could not commit. */
  command: string;
  affectedRows: number;
}

/** One database connection, lent to one autocommit statement or one transaction at a time. */
export interface Session {
  run(text: string, values: readonly unknown[]): Promise<RawResult>;
  release(): void;
}

export interface SessionSource {
  acquire(): Promise<Session>;
  close(): Promise<void>;
}

const TYPES_SQL = 'select oid::int4 as oid, typname, typelem::int4 as element, typcategory from pg_type';

/**
 * pg_type by oid, read again when a statement returns a type made after the last read. It is read
 * on the session that ran the statement: on PGlite that session may be a transaction holding the
 * only connection.
 */
export class TypeCatalog {
  #types = new Map<number, PgType>();

  async forFields(fields: readonly ResultField[], session: Session): Promise<Map<number, PgType>> {
    if (fields.some((f) => !this.#types.has(f.dataTypeID))) {
      const { rows } = await session.run(TYPES_SQL, []);
      for (const [oid, name, element, category] of rows) {
        this.#types.set(Number(oid), { name: name!, element: Number(element), category: category! });
      }
    }
    return this.#types;
  }
}

/**
 * PGlite is a single connection: it is lent to one borrower at a time, so a transaction keeps it
 * from BEGIN to COMMIT and other statements wait their turn (as they would wait for a lock).
 */
export function pgliteSessions(pglite: PGlite): SessionSource {
  let tail: Promise<void> = Promise.resolve();
  // Every known type's parser returns the text as it is (unknown types are left as text anyway);
  // PGlite learns its array types once ready, so the list is made then.
  let asText: Record<string, (text: string) => string> = {};
  const ready = pglite.waitReady.then(async () => {
    asText = Object.fromEntries(Object.keys(pglite.parsers).map((oid) => [oid, (text: string) => text]));
    await pglite.exec("set time zone 'UTC'");
  });
  return {
    async acquire() {
      await ready;
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      return {
        async run(text, values) {
          const result = await pglite.query<(string | null)[]>(text, [...values], {
            rowMode: 'array',
            parsers: asText,
          });
          return {
            fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
            rows: result.rows,
            command: (result as { command?: string }).command ?? '',
            affectedRows: result.affectedRows ?? 0,
          };
        },
        release: () => release(),
      };
    },
    async close() {
      await tail;
    },
  };
}

/** A PostgreSQL server through a node-postgres pool: a transaction holds one pooled client. */
export function poolSessions(pool: pg.Pool): SessionSource {
  pool.on('connect', (client) => void client.query("set time zone 'UTC'"));
  const asText = { getTypeParser: () => (text: string) => text };
  return {
    async acquire() {
      const client = await pool.connect();
      return {
        async run(text, values) {
          const result = await client.query<(string | null)[]>({
            text,
            values: [...values],
            rowMode: 'array',
            types: asText as unknown as pg.CustomTypesConfig,
          });
          const dml = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command);
          return {
            fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
            rows: result.rows,
            command: result.command,
            affectedRows: dml ? (result.rowCount ?? 0) : 0,
          };
        },
        release: () => client.release(),
      };
    },
    close: () => pool.end(),
  };
}
