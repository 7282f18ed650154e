import { RemovalPolicy } from 'aws-cdk-lib';
import { SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import {
  AuroraPostgresEngineVersion,
  ClusterInstance,
  Credentials,
  DatabaseCluster,
  DatabaseClusterEngine,
} from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export const DATABASE_NAME = 'huddle';

/**
 * Aurora retires minor versions over time and then refuses to create clusters on them, so this
 * is the newest PostgreSQL 17 minor aws-cdk-lib knows (the Data API serves 17.4 and later).
 * Raise it with aws-cdk-lib; AWS applies later minors itself in the maintenance window.
 */
export const AURORA_VERSION = AuroraPostgresEngineVersion.VER_17_9;

/**
 * Aurora Serverless v2 (PostgreSQL) reached only through the RDS Data API: the Lambdas stay out of
 * the VPC, which has isolated subnets only (no NAT gateway to pay for).
 */
export class Database extends Construct {
  readonly cluster: DatabaseCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'database', subnetType: SubnetType.PRIVATE_ISOLATED }],
    });
    this.cluster = new DatabaseCluster(this, 'Cluster', {
      engine: DatabaseClusterEngine.auroraPostgres({ version: AURORA_VERSION }),
      credentials: Credentials.fromGeneratedSecret('huddle_admin'),
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
  }

  /** Data API calls on the cluster, the secret they authenticate with, and the env the backend reads. */
  grantAccess(grantee: IGrantable): void {
    this.cluster.grantDataApiAccess(grantee);
  }

  environment(): Record<string, string> {
    return {
      DATABASE_CLUSTER_ARN: this.cluster.clusterArn,
      DATABASE_SECRET_ARN: this.cluster.secret!.secretArn,
      DATABASE_NAME,
    };
  }
}
