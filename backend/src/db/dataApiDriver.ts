import type { ColumnMetadata, Field, RDSData } from '@aws-sdk/client-rds-data';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

export interface DataApiDriverConfig {
  client: RDSData;
  resourceArn: string;
  secretArn: string;
  database: string;
}

/**
 * Kysely's driver for Aurora through the RDS Data API. kysely-data-api's own driver has two faults
 * this one does not: a connection keeps a finished transaction's id and sends it with every later
 * statement (which the service refuses), and an empty array result turns into null.
 */
export class DataApiDriver implements Driver {
  constructor(private readonly config: DataApiDriverConfig) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new DataApiConnection(this.config);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as DataApiConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as DataApiConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as DataApiConnection).end('rollback');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** No socket: the Data API is HTTPS calls. A "connection" only carries the open transaction's id. */
class DataApiConnection implements DatabaseConnection {
  #transactionId: string | undefined;

  constructor(private readonly config: DataApiDriverConfig) {}

  async begin(settings: TransactionSettings): Promise<void> {
    const { client, resourceArn, secretArn, database } = this.config;
    const { transactionId } = await client.beginTransaction({ resourceArn, secretArn, database });
    this.#transactionId = transactionId;
    // BeginTransaction takes no isolation level: it is set as the transaction's first statement.
    if (settings.isolationLevel) {
      await this.executeQuery(CompiledQuery.raw(`set transaction isolation level ${settings.isolationLevel}`));
    }
  }

  /** Ends the transaction and forgets its id whatever the answer: the service has ended it either way. */
  async end(how: 'commit' | 'rollback'): Promise<void> {
    const transactionId = this.#transactionId;
    if (!transactionId) throw new Error(`No transaction to ${how}.`);
    this.#transactionId = undefined;
    const { client, resourceArn, secretArn } = this.config;
    if (how === 'commit') await client.commitTransaction({ resourceArn, secretArn, transactionId });
    else await client.rollbackTransaction({ resourceArn, secretArn, transactionId });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { client, resourceArn, secretArn, database } = this.config;
    const answer = await client.executeStatement({
      resourceArn,
      secretArn,
      database,
      transactionId: this.#transactionId,
      sql: query.sql,
      parameters: query.parameters as never,
      includeResultMetadata: true,
    });
    if (!answer.records) return { numAffectedRows: BigInt(answer.numberOfRecordsUpdated ?? 0), rows: [] };
    const columns = answer.columnMetadata ?? [];
    const rows = answer.records.map(
      (record) =>
        Object.fromEntries(record.map((field, i) => [columnName(columns[i], i), toValue(field, columns[i])])) as R,
    );
    return { rows };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The Data API cannot stream results.');
  }
}

function columnName(column: ColumnMetadata | undefined, index: number): string {
  return column?.label || column?.name || String(index);
}

/**
 * A Data API value as node-postgres would give it: timestamps as Dates (the service sends UTC
 * without an offset), json parsed, arrays as arrays. An array field with no member is an empty
 * array, never null: only `isNull` means null.
 */
function toValue(field: Field, column: ColumnMetadata | undefined): unknown {
  if (field.isNull) return null;
  if (field.stringValue !== undefined) {
    const type = column?.typeName?.toLowerCase();
    if (type === 'timestamptz' || type === 'timestamp') return new Date(`${field.stringValue}Z`);
    if (type === 'date') return new Date(field.stringValue);
    if (type === 'json' || type === 'jsonb') return JSON.parse(field.stringValue);
    return field.stringValue;
  }
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.blobValue !== undefined) return field.blobValue;
  if (field.arrayValue !== undefined) {
    const array = field.arrayValue;
    return array.stringValues ?? array.longValues ?? array.doubleValues ?? array.booleanValues ?? [];
  }
  return null;
}
