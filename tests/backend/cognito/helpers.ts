/**
 * Shared set-up for the local Cognito tests: a fresh data folder and port per test file, hooks
 * that record their calls, the real AWS SDK v3 client, and Amplify v6 configured against it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Mailbox } from '../../../backend/local/mailbox.js';
import { withLocalKey } from '../../../backend/local/cognito/localKey.js';
import {
  startLocalCognito,
  type LocalCognito,
  type LocalCognitoOptions,
} from '../../../backend/local/cognito/index.js';

export const PASSWORD = 'Secret123';
/** The app's origin in these tests: the only one a browser may call the local Cognito from. */
export const APP_ORIGIN = 'http://localhost:5173';
export const REFUSED_DOMAIN = '@refused.test';

export interface Harness {
  cognito: LocalCognito;
  mailbox: Mailbox;
  dataDir: string;
  preSignUpCalls: { email: string; attributes: Record<string, string> }[];
  postConfirmationCalls: { sub: string; email: string; attributes: Record<string, string>; groups: string[] }[];
  /** the AWS SDK as an app client calls Cognito: no credentials, so no admin operations */
  sdk: CognitoIdentityProviderClient;
  /** the AWS SDK with the local key, as the cloud's own scripts call admin operations */
  admin: CognitoIdentityProviderClient;
  /** Amplify's token store, readable so tests can reuse a refresh token after sign-out */
  storage: Map<string, string>;
  /** the newest code mailed to `email` */
  code(email: string): string;
  stop(): Promise<void>;
}

export function hooks(h: Pick<Harness, 'preSignUpCalls' | 'postConfirmationCalls'>): LocalCognitoOptions['hooks'] {
  return {
    async preSignUp(input) {
      h.preSignUpCalls.push(input);
      if (input.email.endsWith(REFUSED_DOMAIN)) throw new Error('Sign-up is only open to university email addresses');
    },
    async postConfirmation(input) {
      h.postConfirmationCalls.push(input);
    },
  };
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-cognito-'));
  const mailbox = new Mailbox(join(dataDir, 'mailbox.json'));
  const calls = { preSignUpCalls: [], postConfirmationCalls: [] } as Pick<
    Harness,
    'preSignUpCalls' | 'postConfirmationCalls'
  >;
  const cognito = await startLocalCognito({
    dataDir,
    port: 0,
    mailbox,
    hooks: hooks(calls),
    allowedOrigins: [APP_ORIGIN],
  });
  const sdkClient = () =>
    new CognitoIdentityProviderClient({
      endpoint: cognito.url,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  const sdk = sdkClient();
  const admin = withLocalKey(sdkClient(), cognito.localKey);
  const storage = new Map<string, string>();
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: cognito.userPoolId,
        userPoolClientId: cognito.userPoolClientId,
        userPoolEndpoint: cognito.url,
      },
    },
  });
  cognitoUserPoolsTokenProvider.setKeyValueStorage({
    setItem: async (k, v) => void storage.set(k, v),
    getItem: async (k) => storage.get(k) ?? null,
    removeItem: async (k) => void storage.delete(k),
    clear: async () => storage.clear(),
  });
  return {
    ...calls,
    cognito,
    mailbox,
    dataDir,
    sdk,
    admin,
    storage,
    code(email) {
      const mail = mailbox.list(email)[0];
      if (!mail) throw new Error(`no mail for ${email}`);
      return mail.code;
    },
    async stop() {
      sdk.destroy();
      admin.destroy();
      await cognito.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The refresh token Amplify holds for the signed-in user. */
export function storedRefreshToken(storage: Map<string, string>): string {
  const entry = [...storage.entries()].find(([k]) => k.endsWith('.refreshToken'));
  if (!entry) throw new Error('no refresh token stored');
  return entry[1];
}

/** Sign-up + confirm through Amplify, the way the app does it. */
export async function registerWithAmplify(h: Harness, email: string, name = 'Test User'): Promise<void> {
  const { signUp, confirmSignUp } = await import('aws-amplify/auth');
  await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email, name } } });
  await confirmSignUp({ username: email, confirmationCode: h.code(email) });
}
