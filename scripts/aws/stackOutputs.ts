import { existsSync, readFileSync } from 'node:fs';
import { fromRoot } from '../../infra/paths.js';

/** Where `npm run deploy` keeps the stack's outputs (cdk deploy --outputs-file). */
export const OUTPUTS_FILE = fromRoot('cdk-outputs.json');
export const stackName = (env: NodeJS.ProcessEnv = process.env) => env.HUDDLE_STACK_NAME ?? 'Huddle';

export interface StackOutputs {
  SiteUrl: string;
  Region: string;
  UserPoolId: string;
  DatabaseClusterArn: string;
  DatabaseSecretArn: string;
  DatabaseName: string;
}

/** The deployed stack's outputs, or a sentence saying how to get them. */
export function readStackOutputs(file = OUTPUTS_FILE, stack = stackName()): StackOutputs {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run deploy\` first (it writes the stack's outputs there).`);
  }
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Partial<StackOutputs>>;
  const outputs = all[stack];
  const needed: (keyof StackOutputs)[] = [
    'Region',
    'UserPoolId',
    'DatabaseClusterArn',
    'DatabaseSecretArn',
    'DatabaseName',
  ];
  const missing = needed.filter((key) => !outputs?.[key]);
  if (!outputs || missing.length) {
    throw new Error(
      `${file} has no ${missing.join(', ')} for the stack ${stack}: deploy it with \`npm run deploy\` ` +
        '(HUDDLE_STACK_NAME names another stack).',
    );
  }
  return outputs as StackOutputs;
}
