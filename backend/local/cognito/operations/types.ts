/** What an added operation gets: cognito-local's services plus the pieces this emulator adds. */
import type { Services } from 'cognito-local/lib/services/index.js';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { User, UserPoolService } from 'cognito-local/lib/services/userPoolService.js';
import type { JWTPayload } from 'jose';
import type { PoolKeys } from '../keys.js';
import type { LocalTokens } from '../tokens.js';

export interface OpEnv {
  services: Services;
  tokens: LocalTokens;
  keys: PoolKeys;
  /** the part of the pool id after "_": Amplify mixes it into the SRP hashes */
  poolName: string;
  /** hands the request to cognito-local's own implementation of `op` */
  delegate(op: string, req: unknown): Promise<unknown>;
  /** the pool and app client for a ClientId (ResourceNotFoundException when unknown) */
  client(clientId: unknown): Promise<{ pool: UserPoolService; client: AppClient }>;
  /** verifies an access token as Cognito does for its token-taking operations */
  authenticate(accessToken: unknown): Promise<{ pool: UserPoolService; user: User; claims: JWTPayload }>;
}

// Requests arrive as untyped JSON; each operation checks the fields it uses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation = (env: OpEnv, req: any) => Promise<unknown>;
