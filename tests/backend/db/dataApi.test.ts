import type { RDSData } from '@aws-sdk/client-rds-data';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectDatabase, dataApiTargetFromEnv } from '../../../backend/src/db/connect.js';

/**
 * The Data API path of connectDatabase with kysely 0.28 and kysely-data-api (whose peer range says
 * 0.27): statements, parameters and transactions reach the RDS Data client as the Data API expects.
 * A recording fake stands in for AWS.
 */
function fakeRdsData() {
  const calls: { op: string; input: Record<string, unknown> }[] = [];
  const client = {
    async beginTransaction(input: Record<string, unknown>) {
      calls.push({ op: 'begin', input });
      return { transactionId: 'tx-1' };
    },
    async commitTransaction(input: Record<string, unknown>) {
      calls.push({ op: 'commit', input });
      return {};
    },
    async rollbackTransaction(input: Record<string, unknown>) {
      calls.push({ op: 'rollback', input });
      return {};
    },
    async executeStatement(input: Record<string, unknown>) {
      calls.push({ op: 'execute', input });
      return {
        columnMetadata: [
          { name: 'id', typeName: 'text' },
          { name: 'created_at', typeName: 'timestamptz' },
        ],
        records: [[{ stringValue: 'kuleuven' }, { stringValue: '2026-03-01 10:00:00' }]],
      };
    },
  };
  return { client: client as unknown as RDSData, calls };
}

const target = {
  clusterArn: 'arn:aws:rds:eu-west-1:123456789012:cluster:huddle',
  secretArn: 'arn:secret',
  database: 'huddle',
};

describe('connectDatabase with the RDS Data API', () => {
  it('reads the target from the environment only when both ARNs are set', () => {
    expect(dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: target.clusterArn })).toBeUndefined();
    expect(
      dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: target.clusterArn, DATABASE_SECRET_ARN: 'arn:secret' }),
    ).toEqual(target);
    expect(
      dataApiTargetFromEnv({ DATABASE_CLUSTER_ARN: 'c', DATABASE_SECRET_ARN: 's', DATABASE_NAME: 'other' })?.database,
    ).toBe('other');
  });

  it('sends named parameters and maps rows back, timestamptz as Date', async () => {
    const { client, calls } = fakeRdsData();
    const { db, description, close } = await connectDatabase({ dataApi: { ...target, client } });
    expect(description).toBe('Aurora Data API huddle/huddle');
    const rows = await db
      .selectFrom('universities')
      .select(['id'])
      .select(sql<Date>`created_at`.as('created_at'))
      .where('id', '=', 'kuleuven')
      .execute();
    expect(rows).toEqual([{ id: 'kuleuven', created_at: new Date('2026-03-01T10:00:00Z') }]);
    const sent = calls[0]!.input;
    expect(sent).toMatchObject({
      resourceArn: target.clusterArn,
      secretArn: target.secretArn,
      database: 'huddle',
      parameters: [{ name: '0', value: { stringValue: 'kuleuven' } }],
    });
    expect(sent.sql).toMatch(/where "id" = :0$/);
    await close();
  });

  it('runs a Kysely transaction as one Data API transaction', async () => {
    const { client, calls } = fakeRdsData();
    const { db } = await connectDatabase({ dataApi: { ...target, client } });
    await db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
    });
    expect(calls.map((c) => c.op)).toEqual(['begin', 'execute', 'commit']);
    expect(calls[1]!.input.transactionId).toBe('tx-1');

    calls.length = 0;
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(calls.map((c) => c.op)).toEqual(['begin', 'execute', 'rollback']);
  });
});
