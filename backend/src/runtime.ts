import type { Kysely } from 'kysely';
import type { Services } from './context.js';
import { connectDatabase, dataApiTargetFromEnv } from './db/connect.js';
import type { Database } from './db/types.js';
import { cognitoUserDirectory } from './aws/cognitoDirectory.js';
import { iamGraphqlExecutor } from './aws/iamGraphql.js';
import { graphqlPublisher } from './publishing.js';

/**
 * The database for code running in AWS Lambda, opened once per container: Aurora through the RDS
 * Data API when DATABASE_CLUSTER_ARN and DATABASE_SECRET_ARN are set (what infra/ deploys), else
 * the PostgreSQL server at DATABASE_URL.
 */
let database: Promise<Kysely<Database>> | undefined;

export function lambdaDatabase(): Promise<Kysely<Database>> {
  database ??= openDatabase();
  return database;
}

async function openDatabase(): Promise<Kysely<Database>> {
  const dataApi = dataApiTargetFromEnv();
  const url = process.env.DATABASE_URL;
  if (!dataApi && !url) {
    throw new Error('Set DATABASE_CLUSTER_ARN and DATABASE_SECRET_ARN (Data API) or DATABASE_URL for this function.');
  }
  const { db } = await connectDatabase(dataApi ? { dataApi } : { url });
  return db;
}

/**
 * Services for the AppSync data-source Lambda, built once per container and reused by every
 * invocation. The user directory reads the user pool with ListUsers and ends sessions with
 * AdminUserGlobalSignOut.
 */
let services: Promise<Services> | undefined;

export function lambdaServices(): Promise<Services> {
  services ??= build();
  return services;
}

/** The user pool's admin API, loaded on first use (the SDK client is in the Node runtime). */
async function cognitoClient() {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  return { sdk, client: new sdk.CognitoIdentityProviderClient({}) };
}

/**
 * Staff membership in the user pool: AdminAddUserToGroup / AdminRemoveUserFromGroup (the stack grants
 * exactly these). The sub is a valid Username for them in a pool that signs in by email.
 */
function poolGroups(userPoolId: string | undefined): Services['userGroups'] {
  const change = async (kind: 'add' | 'remove', sub: string, group: string) => {
    if (!userPoolId) throw new Error('USER_POOL_ID is not set for this function.');
    const { sdk, client } = await cognitoClient();
    const input = { UserPoolId: userPoolId, Username: sub, GroupName: group };
    await client.send(
      kind === 'add' ? new sdk.AdminAddUserToGroupCommand(input) : new sdk.AdminRemoveUserFromGroupCommand(input),
    );
  };
  return { add: (sub, group) => change('add', sub, group), remove: (sub, group) => change('remove', sub, group) };
}

/** Services for functions that only write and publish (the no-show job): no user pool needed. */
export async function jobServices(): Promise<Pick<Services, 'db' | 'events' | 'now'>> {
  const graphqlUrl = process.env.GRAPHQL_URL;
  if (!graphqlUrl) throw new Error('GRAPHQL_URL is not set for this function.');
  return {
    db: await lambdaDatabase(),
    events: graphqlPublisher(iamGraphqlExecutor(graphqlUrl, process.env.AWS_REGION ?? 'eu-west-1')),
    now: () => new Date(),
  };
}

async function build(): Promise<Services> {
  const userPoolId = process.env.USER_POOL_ID;
  const base = await jobServices();
  return {
    ...base,
    userGroups: poolGroups(userPoolId),
    userDirectory: cognitoUserDirectory(userPoolId),
  };
}
