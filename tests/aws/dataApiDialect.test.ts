/** Kysely over the RDS Data API (our driver and adapter), against the stand-in. */
import { DatabaseResumingException, StatementTimeoutException, type RDSData } from '@aws-sdk/client-rds-data';
import { Kysely, sql } from 'kysely';
import { DataApiDialect } from 'kysely-data-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, dataApiTargetFromEnv } from '../../backend/src/db/connect.js';
import { isRetryable, sqlStateOf } from '../../backend/src/db/sqlState.js';
import { recordingPublisher } from '../../backend/src/events.js';
import { runWrite } from '../../backend/src/shared/transaction.js';
import { openDataApiDatabase, type DataApiDatabase } from '../backend/support/dataApiDatabase.js';

let database: DataApiDatabase;

beforeAll(async () => {
  database = await openDataApiDatabase();
  await sql`create table items (id text primary key, tags text[] not null, doc jsonb, at timestamptz, price numeric)`.execute(
    database.db,
  );
});
afterAll(() => database.close());

describe('the Data API target', () => {
  it('is read from the environment only when both ARNs are set', () => {
    const clusterArn = 'arn:aws:rds:eu-west-1:123456789012:cluster:huddle';
    expect(dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: clusterArn })).toBeUndefined();
    expect(dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: clusterArn, DATABASE_SECRET_ARN: 'arn:secret' })).toEqual({
      clusterArn,
      secretArn: 'arn:secret',
      database: 'huddle',
    });
    expect(
      dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: 'c', DATABASE_SECRET_ARN: 's', DATABASE_NAME: 'other' })?.database,
    ).toBe('other');
  });
});

describe('rows', () => {
  it('come back as node-postgres gives them: Dates, parsed json, numerics as strings, empty arrays as []', async () => {
    await sql`insert into items values ('a', string_to_array('', ','), ${JSON.stringify({ n: 1 })}::jsonb, ${new Date('2026-03-01T10:00:00.123Z')}, 12.5)`.execute(
      database.db,
    );
    await sql`insert into items (id, tags) values ('b', string_to_array(${'x,y'}, ','))`.execute(database.db);
    const { rows } = await sql<Record<string, unknown>>`select * from items order by id`.execute(database.db);
    expect(rows).toEqual([
      { id: 'a', tags: [], doc: { n: 1 }, at: new Date('2026-03-01T10:00:00.123Z'), price: '12.5' },
      { id: 'b', tags: ['x', 'y'], doc: null, at: null, price: null },
    ]);
  });

  it('report how many rows an update changed', async () => {
    const result = await sql`update items set price = 1`.execute(database.db);
    expect(result.numAffectedRows).toBe(2n);
  });
});

describe('transactions', () => {
  it('never send a finished transaction id, where kysely-data-api’s own driver does', async () => {
    const afterTransaction = async (db: Kysely<unknown>) =>
      db.connection().execute(async (connection) => {
        await connection.transaction().execute((trx) => sql`select 1`.execute(trx));
        return sql`select 2`.execute(connection);
      });
    await afterTransaction(database.db as Kysely<unknown>);
    expect(database.standIn.refusals).toEqual([]);

    // kysely-data-api's driver, on a database of its own: its connection keeps the ended id.
    const other = await openDataApiDatabase();
    const theirs = new Kysely<unknown>({
      dialect: new DataApiDialect({
        mode: 'postgres',
        driver: {
          client: other.standIn.client(),
          resourceArn: other.standIn.clusterArn,
          secretArn: other.standIn.secretArn,
          database: other.standIn.database,
        },
      }),
    });
    await expect(afterTransaction(theirs)).rejects.toMatchObject({ name: 'TransactionNotFoundException' });
    expect(other.standIn.refusals).toEqual([
      expect.objectContaining({ operation: 'ExecuteStatement', finished: true }),
    ]);
    // The suites' databases fail on close when that happened.
    await expect(other.close()).rejects.toThrow(/transaction ids the Data API did not hold/);
  });

  it('retry a write when the Data API reports a serialization failure (its SQLSTATE is only in the message)', async () => {
    let attempts = 0;
    const services = {
      db: database.db,
      events: recordingPublisher(),
      now: () => new Date(),
      userDirectory: { findBySub: async () => null },
    };
    const errors: unknown[] = [];
    const value = await runWrite(services, async (trx) => {
      attempts++;
      await sql`insert into items (id, tags) values (${`retry-${attempts}`}, string_to_array('', ','))`.execute(trx);
      if (attempts === 1) {
        await sql`do $$ begin raise exception using errcode = '40001', message = 'could not serialize access'; end $$`
          .execute(trx)
          .catch((error: unknown) => {
            errors.push(error);
            throw error;
          });
      }
      return attempts;
    });
    expect(value).toBe(2);
    expect(errors[0]).toMatchObject({ name: 'DatabaseErrorException' });
    expect((errors[0] as { code?: unknown }).code).toBeUndefined();
    expect(sqlStateOf(errors[0])).toBe('40001');
    const { rows } = await sql<{ id: string }>`select id from items where id like 'retry-%'`.execute(database.db);
    expect(rows).toEqual([{ id: 'retry-2' }]);
  });

  it('run a write again when Aurora is resuming from a pause, as PostgreSQL’s cannot_connect_now (57P03)', async () => {
    const { standIn } = database;
    const real = standIn.client();
    let refusals = 1;
    // Aurora answers the first BeginTransaction with DatabaseResumingException while it wakes.
    const waking = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'beginTransaction' && refusals > 0) {
          return async () => {
            refusals--;
            throw new DatabaseResumingException({
              message:
                'The Aurora DB instance is resuming after being auto-paused. Please wait a few seconds and try again.',
              $metadata: { httpStatusCode: 400 },
            });
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as RDSData;
    const handle = await connectDatabase({
      dataApi: {
        clusterArn: standIn.clusterArn,
        secretArn: standIn.secretArn,
        database: standIn.database,
        client: waking,
      },
    });
    try {
      const services = {
        db: handle.db,
        events: recordingPublisher(),
        now: () => new Date(),
        userDirectory: { findBySub: async () => null },
      };
      let runs = 0;
      await runWrite(services, async (trx) => {
        runs++;
        await sql`insert into items (id, tags) values ('woke', string_to_array('', ','))`.execute(trx);
      });
      expect(refusals).toBe(0);
      expect(runs).toBe(1); // the refused attempt never reached the work
      const { rows } = await sql<{ id: string }>`select id from items where id = 'woke'`.execute(database.db);
      expect(rows).toEqual([{ id: 'woke' }]);
    } finally {
      await handle.close();
    }
  });

  it('classify Data API failures as PostgreSQL’s codes: the same ones retryable whichever way the database is reached', () => {
    const resuming = new DatabaseResumingException({ message: 'resuming', $metadata: {} });
    const timeout = new StatementTimeoutException({ message: 'Request timed out', $metadata: {} });
    expect([sqlStateOf(resuming), isRetryable(resuming)]).toEqual(['57P03', true]);
    expect([sqlStateOf(timeout), isRetryable(timeout)]).toEqual(['57014', false]);
    const viaDataApi = (state: string) => ({ name: 'DatabaseErrorException', message: `ERROR: x; SQLState: ${state}` });
    const viaPostgres = (state: string) => ({ name: 'error', code: state, message: 'x' });
    for (const state of ['40001', '40P01', '57P03', '23505', '42883']) {
      expect(isRetryable(viaDataApi(state)), state).toBe(isRetryable(viaPostgres(state)));
    }
    expect(['40001', '40P01', '57P03'].every((state) => isRetryable(viaDataApi(state)))).toBe(true);
    expect(isRetryable(viaDataApi('23505'))).toBe(false);
  });
});
