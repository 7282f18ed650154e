/**
 * The Data API stand-in is strict where the RDS Data API is: these are the points the production
 * path relies on, checked with the real AWS SDK client (backend/local/dataApi/README.md lists where
 * it differs from the service).
 */
import { PGlite } from '@electric-sql/pglite';
import type { RDSData, SqlParameter } from '@aws-sdk/client-rds-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDataApiStandIn, type DataApiStandIn } from '../../backend/local/dataApi/index.js';

let pglite: PGlite;
let standIn: DataApiStandIn;
let client: RDSData;

beforeAll(async () => {
  pglite = new PGlite('memory://');
  standIn = await startDataApiStandIn({ pglite, idleTransactionMs: 300 });
  client = standIn.client();
  await execute('create table things (id uuid primary key, name text unique, tags text[] not null, n int8)');
});
afterAll(async () => {
  await standIn.close();
  await pglite.close();
});

const target = () => ({ resourceArn: standIn.clusterArn, secretArn: standIn.secretArn, database: standIn.database });
const execute = (sql: string, parameters: SqlParameter[] = [], transactionId?: string) =>
  client.executeStatement({ ...target(), sql, parameters, transactionId, includeResultMetadata: true });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the Data API to refuse this');
    },
    (error: Error) => ({ name: error.name, message: error.message }),
  );

describe('parameters', () => {
  it('binds a string as varchar unless a type hint says otherwise, a long as int8 and a double as float8', async () => {
    const { records } = await execute(
      'select pg_typeof(:s)::text, pg_typeof(:u)::text, pg_typeof(:l)::text, pg_typeof(:d)::text, :n::text is null',
      [
        { name: 's', value: { stringValue: 'kuleuven' } },
        { name: 'u', value: { stringValue: '0b7f6c1e-4a4e-4f4b-9d7e-2d1c1b0a9f8e' }, typeHint: 'UUID' },
        { name: 'l', value: { longValue: 7 } },
        { name: 'd', value: { doubleValue: 1.5 } },
        { name: 'n', value: { isNull: true } },
      ],
    );
    expect(records![0]).toEqual([
      { stringValue: 'character varying' },
      { stringValue: 'uuid' },
      { stringValue: 'bigint' },
      { stringValue: 'double precision' },
      { booleanValue: true },
    ]);
  });

  it('fails a uuid column compared with an unhinted string, with the SQLSTATE in the message only', async () => {
    const error = await refusal(
      execute('select * from things where id = :id', [
        { name: 'id', value: { stringValue: '0b7f6c1e-4a4e-4f4b-9d7e-2d1c1b0a9f8e' } },
      ]),
    );
    expect(error.name).toBe('DatabaseErrorException');
    expect(error.message).toMatch(
      /^ERROR: operator does not exist: uuid = character varying\n[\s\S]*; SQLState: 42883$/,
    );
  });

  it('refuses array parameters', async () => {
    const error = await refusal(execute('select :a', [{ name: 'a', value: { arrayValue: { stringValues: ['x'] } } }]));
    expect(error).toEqual({ name: 'BadRequestException', message: 'Array parameters are not supported.' });
  });
});

describe('records', () => {
  it('returns value kinds as the service does: numerics as strings, timestamps in UTC without offset, nulls, blobs', async () => {
    const { records, columnMetadata } = await execute(
      `select 12.50::numeric as price, 3::int4 as small, true as yes, null::text as nothing,
              '2026-03-01 11:00:00.123456+01'::timestamptz as at, '\\x0102'::bytea as bytes, '{"a":1}'::jsonb as doc`,
    );
    expect(records![0]).toEqual([
      { stringValue: '12.50' },
      { longValue: 3 },
      { booleanValue: true },
      { isNull: true },
      { stringValue: '2026-03-01 10:00:00.123' },
      { blobValue: new Uint8Array([1, 2]) },
      { stringValue: '{"a": 1}' },
    ]);
    expect(columnMetadata!.map((c) => c.typeName)).toEqual([
      'numeric',
      'int4',
      'bool',
      'text',
      'timestamptz',
      'bytea',
      'jsonb',
    ]);
  });

  it('returns arrays as arrayValue, and an empty one with no member at all', async () => {
    const { records } = await execute(`select '{a,"b c"}'::text[], '{}'::text[], '{1,2}'::int8[]`);
    expect(records![0]![0]).toEqual({ arrayValue: { stringValues: ['a', 'b c'] } });
    // The SDK reads an array value with no member as an unknown union member: not an empty list.
    expect(records![0]![1]!.arrayValue?.stringValues).toBeUndefined();
    expect(records![0]![2]).toEqual({ arrayValue: { longValues: [1, 2] } });
  });

  it('writes long values with all their digits, as JSON numbers a client rounds past 2^53', async () => {
    const body = {
      ...target(),
      sql: 'select 9007199254740993::int8 as big',
    };
    const raw = await fetch(`${standIn.endpoint}/Execute`, { method: 'POST', body: JSON.stringify(body) });
    expect(await raw.text()).toContain('{"longValue":9007199254740993}');
    const { records } = await execute('select 9007199254740993::int8 as big');
    expect(records![0]![0]!.longValue).toBe(9007199254740992);
  });

  it('counts updated rows for a statement without a result set', async () => {
    const answer = await execute(
      "insert into things values (gen_random_uuid(), 'one', '{}', 1), (gen_random_uuid(), 'two', '{x}', 2)",
    );
    expect(answer.numberOfRecordsUpdated).toBe(2);
    expect(answer.records).toBeUndefined();
  });

  it('refuses a result over 1 MiB', async () => {
    await expect(
      execute('select repeat(:x, 1000000) as s', [{ name: 'x', value: { stringValue: 'x' } }]),
    ).resolves.toBeDefined();
    const error = await refusal(execute("select repeat('x', 1100000) as s"));
    expect(error.name).toBe('UnsupportedResultException');
  });
});

describe('errors', () => {
  it('report PostgreSQL’s message, detail and SQLSTATE in the message', async () => {
    const error = await refusal(execute("insert into things values (gen_random_uuid(), 'one', '{}', 3)"));
    expect(error.name).toBe('DatabaseErrorException');
    expect(error.message).toBe(
      'ERROR: duplicate key value violates unique constraint "things_name_key"\n  Detail: Key (name)=(one) already exists.; SQLState: 23505',
    );
  });
});

describe('transactions', () => {
  it('run statements by id until commit; statements without an id autocommit', async () => {
    const { transactionId } = await client.beginTransaction(target());
    await execute("insert into things values (gen_random_uuid(), 'three', '{}', 3)", [], transactionId);
    await expect(client.commitTransaction({ ...target(), transactionId })).resolves.toMatchObject({
      transactionStatus: 'Transaction Committed',
    });
    const { transactionId: second } = await client.beginTransaction(target());
    await execute("insert into things values (gen_random_uuid(), 'four', '{}', 4)", [], second);
    await client.rollbackTransaction({ ...target(), transactionId: second });
    const { records } = await execute("select name from things where name in ('three', 'four')");
    expect(records).toEqual([[{ stringValue: 'three' }]]);
  });

  it('refuses an unknown id and a finished one, as the service does', async () => {
    const unknown = await refusal(execute('select 1', [], 'not-a-transaction'));
    expect(unknown).toEqual({
      name: 'TransactionNotFoundException',
      message: 'Transaction not-a-transaction is not found',
    });

    const { transactionId } = await client.beginTransaction(target());
    await client.commitTransaction({ ...target(), transactionId });
    const finished = await refusal(execute('select 1', [], transactionId));
    expect(finished.name).toBe('TransactionNotFoundException');
    expect(await refusal(client.commitTransaction({ ...target(), transactionId }))).toMatchObject({
      name: 'TransactionNotFoundException',
    });
    expect(standIn.refusals.slice(-2)).toEqual([
      { operation: 'ExecuteStatement', transactionId, finished: true },
      { operation: 'CommitTransaction', transactionId, finished: true },
    ]);
  });

  it('rolls back a transaction left idle, and then no longer knows it', async () => {
    const { transactionId } = await client.beginTransaction(target());
    await execute("insert into things values (gen_random_uuid(), 'idle', '{}', 5)", [], transactionId);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await refusal(execute('select 1', [], transactionId))).name).toBe('TransactionNotFoundException');
    const { records } = await execute("select count(*) from things where name = 'idle'");
    expect(records).toEqual([[{ longValue: 0 }]]);
  });
});
