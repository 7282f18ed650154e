/**
 * The CDK app: `npm run deploy` (scripts/deploy.ts builds the app first), or `npm run cdk:synth`
 * offline. The stack is environment-agnostic; the account and region come from the AWS profile at
 * deploy time. `dist/` is uploaded when it holds a build (index.html and its assets).
 */
import { existsSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { HuddleStack } from './huddleStack.js';
import { fromRoot } from './paths.js';

const app = new App();
const distDir = fromRoot('dist');
new HuddleStack(app, process.env.HUDDLE_STACK_NAME ?? 'Huddle', {
  distDir: existsSync(`${distDir}/index.html`) && existsSync(`${distDir}/assets`) ? distDir : undefined,
  description: 'Huddle: Cognito, AppSync, Aurora Serverless v2 (Data API), SPA on CloudFront',
});
app.synth();
