import type { CloudInfo } from './cloudProcess.js';

/** Minimal HTTP clients for the bench: Cognito's JSON protocol and GraphQL with an access token. */

async function cognito(
  info: CloudInfo,
  operation: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(info.cognitoUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${operation}: ${String(json.message ?? response.status)}`);
  return json;
}

export interface BenchUser {
  email: string;
  sub: string;
  token: string;
}

/** A confirmed user signed in: sign-up, the code from the dev mailbox, confirmation, sign-in. */
export async function createUser(info: CloudInfo, email: string, password: string): Promise<BenchUser> {
  const signUp = await cognito(info, 'SignUp', {
    ClientId: info.userPoolClientId,
    Username: email,
    Password: password,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'name', Value: email.split('@')[0] },
    ],
  });
  const mails = (await (await fetch(`${info.mailboxUrl}?to=${encodeURIComponent(email)}`)).json()) as {
    code: string;
  }[];
  await cognito(info, 'ConfirmSignUp', {
    ClientId: info.userPoolClientId,
    Username: email,
    ConfirmationCode: mails[0]!.code,
  });
  return { email, sub: String(signUp.UserSub), token: await signIn(info, email, password) };
}

/** The bench signs in with the plain password flow: SRP maths would only slow the set-up. */
export async function signIn(info: CloudInfo, email: string, password: string): Promise<string> {
  const answer = await cognito(info, 'InitiateAuth', {
    ClientId: info.userPoolClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  return String((answer.AuthenticationResult as Record<string, unknown>).AccessToken);
}

export interface GraphQLAnswer {
  /** the HTTP status: 429 when the gateway was too busy to admit the request */
  status: number;
  data?: Record<string, unknown>;
  errors?: { errorType?: string; message: string }[];
}

export async function graphql(
  info: CloudInfo,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(info.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  if (!response.ok) {
    const text = await response.text();
    return { status: response.status, errors: [{ errorType: `HTTP ${response.status}`, message: text }] };
  }
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
}

/** Runs a mutation or query that must succeed during set-up. */
export async function must(info: CloudInfo, token: string, query: string, variables: Record<string, unknown> = {}) {
  const answer = await graphql(info, token, query, variables);
  if (answer.errors?.length || !answer.data) throw new Error(`set-up failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}
