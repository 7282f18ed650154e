/**
 * The deployed functions' own entries, configured only by the environment infra/ gives them
 * (DATABASE_CLUSTER_ARN, DATABASE_SECRET_ARN, …), reaching the Data API stand-in through the AWS
 * SDK's endpoint override: the migration Trigger from an empty database, the Cognito triggers, and
 * the AppSync data source.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
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
        '0007_rate_limits',
        '0008_late_cancel_records',
      ],
      roles: false,
    });
    expect(await handler()).toEqual({ applied: [], roles: false });
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

describe('the database roles the migration Trigger makes (least privilege)', () => {
  it('reads the app’s and the sign-up check’s secrets from Secrets Manager and grants each only what it needs', async () => {
    const secrets: Record<string, { username: string; password: string }> = {
      'arn:app': { username: 'huddle_app', password: 'App0Secret' },
      'arn:signup': { username: 'huddle_signup', password: "Sign'Up0" },
    };
    const calls: { target?: string; signed: boolean; secretId: string }[] = [];
    const secretsManager = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        const signed = String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ');
        calls.push({ target: req.headers['x-amz-target'] as string, signed, secretId: SecretId });
        const secret = secrets[SecretId];
        res.writeHead(secret ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(
          JSON.stringify(
            secret
              ? { ARN: SecretId, SecretString: JSON.stringify({ ...secret, engine: 'postgres' }) }
              : { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find the specified secret.' },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => secretsManager.listen(0, '127.0.0.1', resolve));
    const { port } = secretsManager.address() as AddressInfo;
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', `http://127.0.0.1:${port}/`);
    vi.stubEnv('DATABASE_APP_SECRET_ARN', 'arn:app');
    vi.stubEnv('DATABASE_SIGN_UP_SECRET_ARN', 'arn:signup');
    try {
      const { createMigrateHandler } = await import('../../backend/src/lambda-migrate.js');
      const { lambdaDatabase } = await import('../../backend/src/runtime.js');
      const { secretsManagerReader } = await import('../../backend/src/aws/secrets.js');
      const handler = createMigrateHandler(lambdaDatabase, secretsManagerReader('eu-west-1'));
      expect(await handler()).toEqual({ applied: [], roles: true });
      // Again, with the roles there: their passwords are the rotation's now, the grants are renewed.
      expect(await handler()).toEqual({ applied: [], roles: true });
      expect(calls).toContainEqual({ target: 'secretsmanager.GetSecretValue', signed: true, secretId: 'arn:app' });

      const can = async (role: string, table: string, privilege: string) => {
        const { rows } = await sql<{
          ok: boolean;
        }>`select has_table_privilege(${role}, ${table}, ${privilege}) as ok`.execute(database.db);
        return rows[0]!.ok;
      };
      expect(await can('huddle_signup', 'universities', 'select')).toBe(true);
      for (const table of ['profiles', 'messages', 'kysely_migration']) {
        expect(await can('huddle_signup', table, 'select'), table).toBe(false);
      }
      expect(await can('huddle_signup', 'universities', 'insert')).toBe(false);
      for (const privilege of ['select', 'insert', 'update', 'delete']) {
        expect(await can('huddle_app', 'profiles', privilege), privilege).toBe(true);
      }
      expect(await can('huddle_app', 'kysely_migration', 'select')).toBe(false);
      expect(await can('huddle_app', 'profiles', 'truncate')).toBe(false);
      const { rows } = await sql<{
        ddl: boolean;
      }>`select has_schema_privilege('huddle_app', current_schema(), 'create') as ddl`.execute(database.db);
      expect(rows[0]!.ddl).toBe(false);

      vi.stubEnv('DATABASE_SIGN_UP_SECRET_ARN', 'arn:missing');
      await expect(handler()).rejects.toThrow(/GetSecretValue failed \(400 ResourceNotFoundException\)/);
    } finally {
      vi.stubEnv('DATABASE_APP_SECRET_ARN', '');
      vi.stubEnv('DATABASE_SIGN_UP_SECRET_ARN', '');
      secretsManager.close();
    }
  });
});

describe('the Cognito triggers (backend/src/triggers)', () => {
  it('let a launch university’s student sign up and refuse anyone else with the rule', async () => {
    const { handler } = await import('../../backend/src/triggers/preSignUp.js');
    const event = (email: string, name?: string, triggerSource = 'PreSignUp_SignUp') => ({
      triggerSource,
      request: { userAttributes: { email, ...(name === undefined ? {} : { name }) } },
      response: {},
    });
    await expect(handler(event('noor.claes@student.kuleuven.be', 'Noor Claes'))).resolves.toEqual(
      event('noor.claes@student.kuleuven.be', 'Noor Claes'),
    );
    // The display name's rule: none at a self sign-up, or one with a bidirectional override, is refused.
    await expect(handler(event('noor.claes@student.kuleuven.be'))).rejects.toThrow(
      'Enter a display name: the name other students see.',
    );
    await expect(handler(event('noor.claes@student.kuleuven.be', 'Noor\u202Egnp.exe'))).rejects.toThrow(
      'Your display name contains characters that are not allowed.',
    );
    // An administrator's invitation may leave the name to the person.
    const invited = event('jan@ulb.be', undefined, 'PreSignUp_AdminCreateUser');
    await expect(handler(invited)).resolves.toEqual(invited);
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
