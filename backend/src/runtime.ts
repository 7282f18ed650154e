import type { Services } from './context.js';
import { connectDatabase } from './db/connect.js';
import { iamGraphqlExecutor } from './aws/iamGraphql.js';
import { graphqlPublisher } from './publishing.js';

/**
 * Services for code running in AWS Lambda, built once per container and reused by every
 * invocation. The user directory reads the user pool with AdminGetUser.
 */
let services: Promise<Services> | undefined;

export function lambdaServices(): Promise<Services> {
  services ??= build();
  return services;
}

async function build(): Promise<Services> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set for this function.');
  const { db } = await connectDatabase({ url });
  const userPoolId = process.env.USER_POOL_ID;
  const graphqlUrl = process.env.GRAPHQL_URL;
  if (!graphqlUrl) throw new Error('GRAPHQL_URL is not set for this function.');
  return {
    db,
    events: graphqlPublisher(iamGraphqlExecutor(graphqlUrl, process.env.AWS_REGION ?? 'eu-west-1')),
    now: () => new Date(),
    userDirectory: {
      async findBySub(sub) {
        if (!userPoolId) return null;
        const { CognitoIdentityProviderClient, ListUsersCommand } =
          await import('@aws-sdk/client-cognito-identity-provider');
        const client = new CognitoIdentityProviderClient({});
        const found = await client.send(
          new ListUsersCommand({ UserPoolId: userPoolId, Filter: `sub = "${sub.replace(/"/g, '')}"`, Limit: 1 }),
        );
        const user = found.Users?.[0];
        const attribute = (name: string) => user?.Attributes?.find((a) => a.Name === name)?.Value;
        const email = attribute('email');
        return user && email ? { sub, email, name: attribute('name'), groups: [] } : null;
      },
    },
  };
}
