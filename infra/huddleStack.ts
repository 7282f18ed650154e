import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Trigger } from 'aws-cdk-lib/triggers';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { Api, PUBLISH_FIELDS } from './api.js';
import { Auth } from './auth.js';
import { DATABASE_NAME, Database } from './database.js';
import { backendFunction } from './functions.js';
import { fromRoot } from './paths.js';
import { Site, hostOf } from './site.js';

export interface HuddleStackProps extends StackProps {
  /** The built SPA (`dist/`) to upload; without it the bucket and distribution are made empty. */
  distDir?: string;
}

/**
 * Huddle in one environment-agnostic stack (no account or region lookups, so it synthesizes
 * offline): Cognito, AppSync + the backend Lambda, Aurora Serverless v2 via the Data API, and the
 * SPA on S3 + CloudFront with its /config.json.
 */
export class HuddleStack extends Stack {
  constructor(scope: Construct, id: string, props: HuddleStackProps = {}) {
    super(scope, id, props);

    const database = new Database(this, 'Database');

    // Each function signs in to the database as the narrowest role it needs (infra/database.ts).
    const preSignUp = backendFunction(this, 'PreSignUp', {
      entry: 'backend/src/triggers/preSignUp.ts',
      environment: database.environment('signUp'),
    });
    const postConfirmation = backendFunction(this, 'PostConfirmation', {
      entry: 'backend/src/triggers/postConfirmation.ts',
      environment: database.environment('app'),
    });
    const auth = new Auth(this, 'Auth', { preSignUp, postConfirmation });

    const resolver = backendFunction(this, 'Resolver', {
      entry: 'backend/src/lambda.ts',
      environment: { ...database.environment('app'), USER_POOL_ID: auth.userPool.userPoolId },
      timeout: Duration.seconds(30),
      memorySize: 1024,
    });
    const api = new Api(this, 'GraphQL', {
      schemaPath: fromRoot('backend/schema.graphql'),
      userPool: auth.userPool,
      handler: resolver,
    });
    resolver.addEnvironment('GRAPHQL_URL', api.api.graphqlUrl);
    // ListUsers for the profile fallback, AdminUserGlobalSignOut to end every session ("sign out of all
    // devices"), the group calls for administrators changing staff membership.
    auth.userPool.grant(
      resolver,
      'cognito-idp:ListUsers',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
    );
    // A password reset ends every session too (post-confirmation after ConfirmForgotPassword). A
    // policy of its own, not the function's default one: the pool depends on the function (its
    // trigger), so the function must not depend on a policy that names the pool.
    new Policy(this, 'PostConfirmationSignOut', {
      roles: [postConfirmation.role!],
      statements: [
        new PolicyStatement({
          actions: ['cognito-idp:AdminUserGlobalSignOut'],
          resources: [auth.userPool.userPoolArn],
        }),
      ],
    });

    // The no-show job (backend/src/classes/noShowJob.ts), every 15 minutes; it publishes session changes.
    const noShowJob = backendFunction(this, 'NoShowJob', {
      entry: 'backend/src/lambda-noShows.ts',
      environment: { ...database.environment('app'), GRAPHQL_URL: api.api.graphqlUrl },
      timeout: Duration.minutes(2),
    });
    api.api.grantMutation(noShowJob, ...PUBLISH_FIELDS);
    new Rule(this, 'NoShowSchedule', {
      description: 'Marks unchecked bookings of sessions that took attendance as no-shows',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(noShowJob)],
    });

    const migrate = backendFunction(this, 'Migrate', {
      entry: 'backend/src/lambda-migrate.ts',
      environment: {
        ...database.environment('master'),
        // It makes the other logins' roles from their secrets (backend/src/db/roles.ts).
        DATABASE_APP_SECRET_ARN: database.secrets.app.secretArn,
        DATABASE_SIGN_UP_SECRET_ARN: database.secrets.signUp.secretArn,
      },
      timeout: Duration.minutes(5),
    });
    database.grantAccess(preSignUp, 'signUp');
    database.grantAccess(postConfirmation, 'app');
    database.grantAccess(resolver, 'app');
    database.grantAccess(migrate, 'master');
    database.secrets.app.grantRead(migrate);
    database.secrets.signUp.grantRead(migrate);
    database.grantAccess(noShowJob, 'app');
    // Runs the migrations during the deploy, once the cluster (and its writer) exists, and again
    // whenever the migrate bundle (which carries the migrations) changes; the functions that read
    // the tables are created or updated only after it, so new code never meets an old schema.
    new Trigger(this, 'MigrateOnDeploy', {
      handler: migrate,
      executeAfter: [database],
      executeBefore: [resolver, preSignUp, postConfirmation],
      executeOnHandlerChange: true,
      timeout: Duration.minutes(5),
    });

    const site = new Site(this, 'Site', {
      distDir: props.distDir,
      config: {
        region: this.region,
        userPoolId: auth.userPool.userPoolId,
        userPoolClientId: auth.client.userPoolClientId,
        graphqlUrl: api.api.graphqlUrl,
      },
      connect: {
        cognito: `cognito-idp.${this.region}.${this.urlSuffix}`,
        graphql: hostOf(api.api.graphqlUrl),
        realtime: hostOf(api.realtimeUrl),
      },
    });

    // What `npm run deploy` prints and keeps in cdk-outputs.json, and what the admin commands read.
    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output('SiteUrl', site.url, 'The app on CloudFront');
    output('Region', this.region, 'Region of the stack');
    output('UserPoolId', auth.userPool.userPoolId, 'Cognito user pool');
    output('UserPoolClientId', auth.client.userPoolClientId, 'Cognito app client of the web app');
    output('GraphqlUrl', api.api.graphqlUrl, 'AppSync GraphQL endpoint');
    output('DatabaseClusterArn', database.cluster.clusterArn, 'Aurora cluster (RDS Data API)');
    output(
      'DatabaseSecretArn',
      database.secrets.master.secretArn,
      'Master secret (migrations, npm run university:add)',
    );
    output('DatabaseName', DATABASE_NAME, 'Database on the cluster');
    output('SiteBucketName', site.bucket.bucketName, 'Bucket the SPA is uploaded to');
  }
}
