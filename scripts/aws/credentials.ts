/**
 * What a command that talks to AWS needs before it starts: credentials and a region, found the way
 * the AWS CLI and CDK find them (environment, AWS_PROFILE / SSO, ~/.aws files, instance roles).
 * Without them it stops with one sentence saying what to do, instead of an SDK stack trace.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { RDSData } from '@aws-sdk/client-rds-data';

export class MissingAwsSetup extends Error {
  override name = 'MissingAwsSetup';
}

export async function requireAwsSetup(command: string): Promise<{ region: string }> {
  try {
    await defaultProvider()();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new MissingAwsSetup(
      `${command} needs AWS credentials, and none were found (${reason}). Sign in with ` +
        '`aws sso login` and set AWS_PROFILE, or run `aws configure`, or export AWS_ACCESS_KEY_ID and ' +
        'AWS_SECRET_ACCESS_KEY, then run it again.',
    );
  }
  // Any SDK client resolves the region as the CLI does: AWS_REGION, then the profile's region.
  const region = await new RDSData({}).config.region().catch(() => undefined);
  if (!region) {
    throw new MissingAwsSetup(
      `${command} needs an AWS region: set AWS_REGION (for example eu-west-1) or a region in your AWS profile, then run it again.`,
    );
  }
  return { region };
}
