import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../context.js';

/** The one AWS SDK call the directory makes at a time: a command in, its output out. */
export type CognitoSend = (command: CognitoCommand) => Promise<unknown>;
export type CognitoCommand =
  | { name: 'ListUsers'; input: { UserPoolId: string; Filter: string; Limit: number } }
  | { name: 'AdminUserGlobalSignOut'; input: { UserPoolId: string; Username: string } };

interface ListUsersOutput {
  Users?: { Attributes?: { Name?: string; Value?: string }[] }[];
}

/**
 * The user pool through Cognito's admin API, for the AppSync data-source Lambda and the triggers.
 * The SDK (which ships with the Lambda runtime) is loaded on first use; tests inject `send`.
 * The function's role needs cognito-idp:ListUsers and cognito-idp:AdminUserGlobalSignOut.
 */
export function cognitoUserDirectory(
  userPoolId: string | undefined,
  send: CognitoSend = cognitoSdkSend(),
): UserDirectory {
  return {
    async findBySub(sub) {
      if (!userPoolId) return null;
      const found = (await send({
        name: 'ListUsers',
        input: { UserPoolId: userPoolId, Filter: `sub = "${sub.replace(/"/g, '')}"`, Limit: 1 },
      })) as ListUsersOutput;
      const user = found.Users?.[0];
      const attribute = (name: string) => user?.Attributes?.find((a) => a.Name === name)?.Value;
      const email = attribute('email');
      return user && email ? { sub, email, name: attribute('name'), groups: [] } : null;
    },
    async signOutEverywhere(sub) {
      if (!userPoolId) throw new Error('USER_POOL_ID is not set for this function.');
      // Username takes the sub: in a pool with email as the sign-in alias, the username is the sub.
      await send({ name: 'AdminUserGlobalSignOut', input: { UserPoolId: userPoolId, Username: sub } });
    },
  };
}

/**
 * Commands sent with the AWS SDK: the Lambda's own client, made on first use (keep one per
 * container), or the one given (tests point one at the local Cognito).
 */
export function cognitoSdkSend(given?: CognitoIdentityProviderClient): CognitoSend {
  let ready: Promise<CognitoSend> | undefined;
  const load = async (): Promise<CognitoSend> => {
    const sdk = await import('@aws-sdk/client-cognito-identity-provider');
    const client = given ?? new sdk.CognitoIdentityProviderClient({});
    return (command) =>
      command.name === 'ListUsers'
        ? client.send(new sdk.ListUsersCommand(command.input))
        : client.send(new sdk.AdminUserGlobalSignOutCommand(command.input));
  };
  return async (command) => (await (ready ??= load()))(command);
}
