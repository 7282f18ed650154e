import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { InterfaceVpcEndpointAwsService, SubnetType, Vpc, type InterfaceVpcEndpoint } from 'aws-cdk-lib/aws-ec2';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import {
  AuroraPostgresEngineVersion,
  ClusterInstance,
  Credentials,
  DatabaseCluster,
  DatabaseClusterEngine,
  DatabaseSecret,
} from 'aws-cdk-lib/aws-rds';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { APP_ROLE, SIGN_UP_ROLE } from '../backend/src/db/roles.js';

export const DATABASE_NAME = 'huddle';
export const MASTER_USER = 'huddle_admin';
/** Every database password is replaced this often by Secrets Manager's rotation functions. */
export const ROTATION_DAYS = 30;

/**
 * Aurora retires minor versions over time and then refuses to create clusters on them, so this
 * is the newest PostgreSQL 17 minor aws-cdk-lib knows (the Data API serves 17.4 and later).
 * Raise it with aws-cdk-lib; AWS applies later minors itself in the maintenance window.
 */
export const AURORA_VERSION = AuroraPostgresEngineVersion.VER_17_9;

/** Who signs in to the database as whom (backend/src/db/roles.ts says what each role may do). */
export type DatabaseLogin = 'master' | 'app' | 'signUp';

/** What each login may call on the Data API: the sign-up check runs one select, never a transaction. */
const DATA_API_ACTIONS: Record<DatabaseLogin, string[]> = {
  master: [
    'rds-data:BatchExecuteStatement',
    'rds-data:BeginTransaction',
    'rds-data:CommitTransaction',
    'rds-data:ExecuteStatement',
    'rds-data:RollbackTransaction',
  ],
  app: [
    'rds-data:BeginTransaction',
    'rds-data:CommitTransaction',
    'rds-data:ExecuteStatement',
    'rds-data:RollbackTransaction',
  ],
  signUp: ['rds-data:ExecuteStatement'],
};

/**
 * Aurora Serverless v2 (PostgreSQL) reached only through the RDS Data API: the Lambdas stay out of
 * the VPC, which has isolated subnets only (no NAT gateway to pay for).
 *
 * Least privilege: the Data API signs in with a Secrets Manager secret, and IAM cannot narrow what
 * SQL a caller runs, so the narrowing is done by PostgreSQL roles, one secret each. The master
 * login (DDL) is held only by the migration Trigger; the resolver and the post-confirmation trigger
 * sign in as `huddle_app` (rows only: select/insert/update/delete, no DDL, not the migrator's
 * tables); the pre-sign-up trigger as `huddle_signup` (reads `universities`, nothing else), with
 * ExecuteStatement only. The migration Trigger creates both roles and their grants. Every secret
 * rotates: the master one by itself (single user), the others by the master (multi-user, which
 * alternates between the role and its `_clone`); the rotation functions run in the VPC and reach
 * Secrets Manager through an interface endpoint, since the subnets have no route out.
 */
export class Database extends Construct {
  readonly cluster: DatabaseCluster;
  readonly secrets: Record<DatabaseLogin, ISecret>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'database', subnetType: SubnetType.PRIVATE_ISOLATED }],
    });
    this.cluster = new DatabaseCluster(this, 'Cluster', {
      engine: DatabaseClusterEngine.auroraPostgres({ version: AURORA_VERSION }),
      credentials: Credentials.fromGeneratedSecret(MASTER_USER),
      defaultDatabaseName: DATABASE_NAME,
      writer: ClusterInstance.serverlessV2('Writer'),
      // 0.5 ACU keeps the cluster awake: with 0 it pauses and the first Data API call after a pause fails
      // with DatabaseResumingException while it wakes (lower it to 0 for a cheap staging stack).
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 4,
      enableDataApi: true,
      storageEncrypted: true,
      vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const roleSecret = (id: string, username: string) =>
      new DatabaseSecret(this, id, {
        username,
        dbname: DATABASE_NAME,
        masterSecret: this.cluster.secret,
        // The migration Trigger writes the first password into CREATE ROLE: letters and digits only.
        excludeCharacters: ' %+~`#$&*()|[]{}:;<>?!\'/@"\\,.-_=^',
      }).attach(this.cluster);
    this.secrets = {
      master: this.cluster.secret!,
      app: roleSecret('AppSecret', APP_ROLE),
      signUp: roleSecret('SignUpSecret', SIGN_UP_ROLE),
    };

    // In one zone only (half the hourly price): rotation runs once a month and can wait for it.
    const endpoint: InterfaceVpcEndpoint = vpc.addInterfaceEndpoint('SecretsManager', {
      service: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      subnets: { subnets: [vpc.isolatedSubnets[0]!] },
    });
    const rotation = { automaticallyAfter: Duration.days(ROTATION_DAYS), endpoint };
    this.cluster.addRotationSingleUser(rotation);
    // Not at once: the roles exist only once the migration Trigger has made them.
    this.cluster.addRotationMultiUser('AppRotation', {
      ...rotation,
      secret: this.secrets.app,
      rotateImmediatelyOnUpdate: false,
    });
    this.cluster.addRotationMultiUser('SignUpRotation', {
      ...rotation,
      secret: this.secrets.signUp,
      rotateImmediatelyOnUpdate: false,
    });
  }

  /** The Data API calls this login needs on the cluster, and reading its secret (no other one). */
  grantAccess(grantee: IGrantable, login: DatabaseLogin): void {
    Grant.addToPrincipal({ grantee, actions: DATA_API_ACTIONS[login], resourceArns: [this.cluster.clusterArn] });
    this.secrets[login].grantRead(grantee);
  }

  /** The environment the backend reads (backend/src/db/connect.ts) to sign in as this login. */
  environment(login: DatabaseLogin): Record<string, string> {
    return {
      DATABASE_CLUSTER_ARN: this.cluster.clusterArn,
      DATABASE_SECRET_ARN: this.secrets[login].secretArn,
      DATABASE_NAME,
    };
  }
}
