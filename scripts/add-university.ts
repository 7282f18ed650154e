/**
 * `npm run university:add -- --id vub --name "Vrije Universiteit Brussel" --domains vub.be,student.vub.be
 *   --time-zone Europe/Brussels --admin jane.doe@vub.be [--admin-name "Jane Doe"]`
 *
 * Adds a university to the deployed stack (its students can sign up at once) and names its first
 * administrator, who gets Cognito's invitation email with a temporary password. It talks to the
 * stack named in cdk-outputs.json (written by `npm run deploy`) with your AWS credentials: the
 * database through the RDS Data API, the user pool through Cognito's admin API. Run it again
 * safely: a university already there as given and an admin already named are left as they are.
 */
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { RDSData } from '@aws-sdk/client-rds-data';
import { connectDatabase } from '../backend/src/db/connect.js';
import { addUniversity, checkNewUniversity } from '../backend/src/universities/addUniversity.js';
import { requireAwsSetup } from './aws/credentials.js';
import { nameFirstAdmin } from './aws/firstAdmin.js';
import { readStackOutputs } from './aws/stackOutputs.js';

const USAGE =
  'usage: npm run university:add -- --id <id> --name <name> --domains <a.be,b.be> --admin <email> ' +
  '[--admin-name <name>] [--time-zone Europe/Brussels]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      domains: { type: 'string' },
      'time-zone': { type: 'string', default: 'Europe/Brussels' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
  if (!values.id || !values.name || !values.domains || !values.admin) throw new Error(USAGE);
  // Checked before anything is sent, so a typo costs no AWS call.
  const university = checkNewUniversity({
    id: values.id,
    name: values.name,
    emailDomains: values.domains.split(','),
    timeZone: values['time-zone'],
  });
  const adminDomain = values.admin.trim().toLowerCase().split('@')[1] ?? '';
  if (!university.emailDomains.includes(adminDomain)) {
    throw new Error(`The admin's email should be at one of ${university.emailDomains.map((d) => '@' + d).join(', ')}.`);
  }

  await requireAwsSetup('npm run university:add');
  const outputs = readStackOutputs();
  const database = await connectDatabase({
    dataApi: {
      clusterArn: outputs.DatabaseClusterArn,
      secretArn: outputs.DatabaseSecretArn,
      database: outputs.DatabaseName,
      client: new RDSData({ region: outputs.Region }),
    },
  });
  try {
    const added = await addUniversity(database.db, university);
    console.log(added === 'added' ? `Added ${university.name}.` : `${university.name} was already there.`);
  } finally {
    await database.close();
  }
  const cognito = new CognitoIdentityProviderClient({ region: outputs.Region });
  const named = await nameFirstAdmin(cognito, outputs.UserPoolId, { email: values.admin, name: values['admin-name'] });
  console.log(
    named === 'invited'
      ? `Invited ${values.admin} as its administrator: Cognito emails a temporary password, changed at first sign-in.`
      : `${values.admin} already had an account and is now in the admin group (from their next sign-in).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
