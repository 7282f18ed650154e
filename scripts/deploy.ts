/**
 * `npm run deploy`: Huddle on AWS in one command. It builds the app once for any stack (the app
 * reads the /config.json the stack writes beside it), prepares the account and region for CDK
 * (`cdk bootstrap`, a no-op once done), and deploys the stack, which migrates the database before
 * updating the functions. The stack's outputs are kept in cdk-outputs.json for the admin commands.
 * HUDDLE_STACK_NAME deploys another copy (e.g. staging).
 */
import { requireAwsSetup } from './aws/credentials.js';
import { run, step } from './aws/run.js';
import { OUTPUTS_FILE, readStackOutputs, stackName } from './aws/stackOutputs.js';

async function deploy(): Promise<void> {
  const { region } = await requireAwsSetup('npm run deploy');
  const stack = stackName();

  step('Building the app (one build for any stack: it reads /config.json at start)');
  await run('npx', ['vite', 'build', '--mode', 'aws']);

  step(`Preparing ${region} for CDK (once per account and region; quick when already done)`);
  await run('npx', ['cdk', 'bootstrap', '--quiet']);

  step(`Deploying the stack ${stack} (the first deploy takes 15-25 minutes: Aurora and CloudFront)`);
  await run('npx', ['cdk', 'deploy', stack, '--require-approval', 'never', '--outputs-file', OUTPUTS_FILE]);

  const outputs = readStackOutputs(OUTPUTS_FILE, stack);
  console.log(`
Huddle is at ${outputs.SiteUrl}
Students of the launch universities can sign up there now. To add a university and name its first
administrator:
  npm run university:add -- --id vub --name "Vrije Universiteit Brussel" --domains vub.be,student.vub.be --time-zone Europe/Brussels --admin jane.doe@vub.be`);
}

deploy().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
