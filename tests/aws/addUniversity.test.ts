/**
 * `npm run university:add`: the university goes in through the Data API (as the command sends it to
 * Aurora), its students pass the sign-up rule at once, and the first administrator is invited into
 * the user pool's admin group (against the local Cognito, with the real Cognito SDK client).
 */
import { AdminGetUserCommand, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../backend/src/db/migrate.js';
import { addUniversity } from '../../backend/src/universities/addUniversity.js';
import { checkSignUpEmail } from '../../backend/src/universities/signUpRule.js';
import { nameFirstAdmin } from '../../scripts/aws/firstAdmin.js';
import { readStackOutputs } from '../../scripts/aws/stackOutputs.js';
import { startHarness, type Harness } from '../backend/cognito/helpers.js';
import { openDataApiDatabase, type DataApiDatabase } from '../backend/support/dataApiDatabase.js';

let database: DataApiDatabase;
let cognito: Harness;

beforeAll(async () => {
  [database, cognito] = await Promise.all([openDataApiDatabase(), startHarness()]);
  await migrateToLatest(database.db);
  // The deployed user pool has its groups from the start (infra/auth.ts). Admin operations go with
  // the local key, as an operator's IAM credentials would in AWS (README "Security").
  for (const GroupName of ['staff', 'admin']) {
    await cognito.admin.send(new CreateGroupCommand({ UserPoolId: cognito.cognito.userPoolId, GroupName }));
  }
});
afterAll(async () => {
  await cognito.stop();
  await database.close();
});

const vub = {
  id: 'vub',
  name: 'Vrije Universiteit Brussel',
  emailDomains: ['VUB.be', '@student.vub.be'],
  timeZone: 'Europe/Brussels',
};

describe('addUniversity', () => {
  it('adds the university, whose students may then sign up, and finds it there the second time', async () => {
    expect((await checkSignUpEmail(database.db, 'an@student.vub.be')).allowed).toBe(false);
    expect(await addUniversity(database.db, vub)).toBe('added');
    expect(await checkSignUpEmail(database.db, 'an@student.vub.be')).toMatchObject({
      allowed: true,
      university: { id: 'vub', email_domains: ['vub.be', 'student.vub.be'], time_zone: 'Europe/Brussels' },
    });
    expect(await addUniversity(database.db, vub)).toBe('unchanged');
  });

  it('refuses an id taken by another university and a domain another one owns', async () => {
    await expect(addUniversity(database.db, { ...vub, name: 'Another name' })).rejects.toThrow(
      'The id "vub" already belongs to Vrije Universiteit Brussel, with other details.',
    );
    await expect(addUniversity(database.db, { ...vub, id: 'kul2', emailDomains: ['kuleuven.be'] })).rejects.toThrow(
      "A domain is already another university's: KU Leuven (@kuleuven.be, @student.kuleuven.be).",
    );
  });

  it('lists every problem of the input at once, before touching the database', async () => {
    await expect(
      addUniversity(database.db, { id: 'V U B', name: ' ', emailDomains: ['not a domain'], timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(
      [
        'The id "V U B" should be 2 to 40 lower-case letters, digits or dashes, starting with a letter.',
        'The name should be 1 to 100 characters.',
        '"not a domain" is not an email domain.',
        '"Mars/Olympus" is not a time zone such as Europe/Brussels.',
      ].join('\n'),
    );
  });
});

describe('nameFirstAdmin', () => {
  it('invites the email into the admin group, and only adds an existing account to it', async () => {
    const poolId = cognito.cognito.userPoolId;
    expect(await nameFirstAdmin(cognito.admin, poolId, { email: 'Jane.Doe@vub.be', name: 'Jane Doe' })).toBe('invited');
    const user = await cognito.admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'jane.doe@vub.be' }));
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'jane.doe@vub.be' }]));
    // The groups a sign-in puts in the token (cognito-local's AdminListGroupsForUser misreads email aliases).
    const sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    const groups = async () => (await cognito.cognito.getUserBySub(sub))?.groups;
    expect(await groups()).toEqual(['admin']);
    expect(await nameFirstAdmin(cognito.admin, poolId, { email: 'jane.doe@vub.be' })).toBe('promoted');
    expect(await groups()).toEqual(['admin']);
  });
});

describe('the stack outputs the command reads', () => {
  it('come from cdk-outputs.json, with a sentence saying what to run when they are missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huddle-outputs-'));
    try {
      const file = join(dir, 'cdk-outputs.json');
      expect(() => readStackOutputs(file, 'Huddle')).toThrow(
        /cdk-outputs\.json is missing: run `npm run deploy` first/,
      );
      const outputs = {
        SiteUrl: 'https://d1.cloudfront.net',
        Region: 'eu-west-1',
        UserPoolId: 'eu-west-1_Abc',
        DatabaseClusterArn: 'arn:aws:rds:eu-west-1:1:cluster:c',
        DatabaseSecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:s',
        DatabaseName: 'huddle',
      };
      writeFileSync(file, JSON.stringify({ Huddle: outputs }));
      expect(readStackOutputs(file, 'Huddle')).toEqual(outputs);
      expect(() => readStackOutputs(file, 'Staging')).toThrow(/no Region, UserPoolId, .* for the stack Staging/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
