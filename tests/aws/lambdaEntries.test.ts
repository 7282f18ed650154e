/**
 * The deployed functions' own entries, configured only by the environment infra/ gives them
 * (DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN, …), reaching the Data API stand-in through the AWS
 * SDK's endpoint override: the migration Trigger from an empty database, the Cognito triggers, and
 * the AppSync data source.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeEvent, makeIdentity } from '../backend/api/harness.js';
import { openDataApiDatabase, type DataApiDatabase } from '../backend/support/dataApiDatabase.js';

let database: DataApiDatabase;

beforeAll(async () => {
  database = await openDataApiDatabase();
  const { standIn } = database;
  vi.stubEnv('DATABASE_CLUSTER_ARN', standIn.clusterArn);
  vi.stubEnv('DATABASE_SECRET_ARN', standIn.secretArn);
  vi.stubEnv('DATABASE_NAME', standIn.database);
  vi.stubEnv('AWS_ENDPOINT_URL_RDS_DATA', standIn.endpoint);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'stand-in');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'stand-in');
  vi.stubEnv('GRAPHQL_URL', 'http://127.0.0.1:9/graphql');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe('the migration Trigger (backend/src/lambda-migrate.ts)', () => {
  it('migrates an empty database, launch universities included, and finds nothing to do the second time', async () => {
    const { handler } = await import('../../backend/src/lambda-migrate.js');
    expect(await handler()).toEqual({
      applied: [
        '0001_universities_and_profiles',
        '0002_activities_messaging_classes',
        '0003_launch_universities',
        '0004_people_and_read_receipts',
        '0005_class_policies',
        '0006_session_cut_off',
      ],
    });
    expect(await handler()).toEqual({ applied: [] });
    const universities = await database.db
      .selectFrom('universities')
      .select(['id', 'email_domains'])
      .orderBy('id')
      .execute();
    expect(universities).toEqual([
      { id: 'kuleuven', email_domains: ['kuleuven.be', 'student.kuleuven.be'] },
      { id: 'ugent', email_domains: ['ugent.be'] },
      { id: 'ulb', email_domains: ['ulb.be'] },
    ]);
  });
});

describe('the Cognito triggers (backend/src/triggers)', () => {
  it('let a launch university’s student sign up and refuse anyone else with the rule', async () => {
    const { handler } = await import('../../backend/src/triggers/preSignUp.js');
    const event = (email: string) => ({ request: { userAttributes: { email } }, response: {} });
    await expect(handler(event('noor.claes@student.kuleuven.be'))).resolves.toEqual(
      event('noor.claes@student.kuleuven.be'),
    );
    await expect(handler(event('someone@gmail.com'))).rejects.toThrow(
      'Sign up with your university email address. Huddle is open to: Ghent University (@ugent.be); KU Leuven (@kuleuven.be, @student.kuleuven.be); Université libre de Bruxelles (@ulb.be).',
    );
  });

  it('make the profile on confirmation, in the email’s university', async () => {
    const { handler } = await import('../../backend/src/triggers/postConfirmation.js');
    const attributes = { sub: 'sub-noor', email: 'Noor.Claes@student.kuleuven.be', name: 'Noor Claes' };
    await handler({ triggerSource: 'PostConfirmation_ConfirmSignUp', request: { userAttributes: attributes } });
    const profile = await database.db
      .selectFrom('profiles')
      .selectAll()
      .where('id', '=', 'sub-noor')
      .executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ email: 'noor.claes@student.kuleuven.be', university_id: 'kuleuven', roles: [] });
  });
});

describe('the AppSync data source (backend/src/lambda.ts)', () => {
  it('answers a direct Lambda resolver event with the services it builds from the environment', async () => {
    const { handler } = await import('../../backend/src/lambda.js');
    const me = await handler(makeEvent('Query', 'me', {}, makeIdentity('sub-noor')), { awsRequestId: 'req-1' });
    expect(me).toMatchObject({
      data: { id: 'sub-noor', displayName: 'Noor Claes', university: { id: 'kuleuven' }, roles: [] },
    });
  });

  it('answers a refusal as an error envelope with its errorInfo, for the resolver response step to raise', async () => {
    const { handler } = await import('../../backend/src/lambda.js');
    const answer = await handler(makeEvent('Query', 'activity', { id: 'not-a-uuid' }, makeIdentity('sub-noor')));
    expect(answer).toEqual({
      error: {
        errorType: 'NotFound',
        message: 'The activity was not found.',
        errorInfo: { code: 'activity.notFound' },
      },
    });
  });
});
