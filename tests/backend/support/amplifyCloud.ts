/**
 * The whole local cloud for a test file, with the unmodified aws-amplify client configured against
 * it as the app configures it. Amplify holds one signed-in user at a time, so other users call the
 * API with their own access token through `runWithToken`, as their browser would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { startLocalCloud, type LocalCloud } from '../../../backend/local/cloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';

export type GraphQLResult = { data?: Record<string, unknown>; errors?: { errorType?: string; message: string }[] };

// Node 20 has no WebSocket, and Amplify always dials wss://: a test-only stand-in that dials ws://.
class LocalWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(String(url).replace(/^wss:\/\/127\.0\.0\.1/, 'ws://127.0.0.1'), protocols);
  }
}

export interface AmplifyCloud {
  cloud: LocalCloud;
  stop(): Promise<void>;
}

export async function startAmplifyCloud(name: string): Promise<AmplifyCloud> {
  (globalThis as { WebSocket?: unknown }).WebSocket = LocalWebSocket;
  const dataDir = mkdtempSync(join(tmpdir(), `huddle-${name}-`));
  const cloud = await startLocalCloud({ dataDir, apiPort: 0, cognitoPort: 0, log: () => {} });
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: cloud.info.userPoolId,
        userPoolClientId: cloud.info.userPoolClientId,
        userPoolEndpoint: cloud.info.cognitoUrl,
      },
    },
    API: { GraphQL: { endpoint: cloud.info.graphqlUrl, region: cloud.info.region, defaultAuthMode: 'userPool' } },
  });
  return {
    cloud,
    stop: async () => {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app's own kind of client: one per process, signed in as whoever Amplify holds. */
export const client = generateClient();

/** A call as the user Amplify has signed in. */
export async function runAmplify(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  try {
    return (await client.graphql({ query, variables })) as GraphQLResult;
  } catch (failure) {
    return failure as GraphQLResult; // Amplify rejects with the result when it carries errors
  }
}

/** A call as another user, with their access token, outside Amplify's singleton. */
export async function runWithToken(
  cloud: LocalCloud,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult> {
  const response = await fetch(cloud.info.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
}

/** A demo user's access token, signed in and out through Amplify, for calls made with runWithToken. */
export async function accessTokenOf(email: string): Promise<string> {
  await signIn({ username: email, password: DEMO_PASSWORD });
  const token = (await fetchAuthSession()).tokens!.accessToken.toString();
  await signOut();
  return token;
}
