import { expect } from '@playwright/test';
import { cloudInfo as cloud, DEMO_PASSWORD } from './cloud';

/**
 * The real API as a script calls it, for what a journey needs set up that no person could do in a
 * few seconds (a session starting in 45 minutes, three no-shows): Cognito's password flow for a
 * token, then GraphQL over HTTP. Nothing is stubbed: the app under test sees the same cloud.
 */
type Json = Record<string, unknown>;

export async function tokenOf(email: string): Promise<string> {
  const info = cloud();
  const response = await fetch(info.cognitoUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      ClientId: info.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: DEMO_PASSWORD },
    }),
  });
  const json = (await response.json()) as { AuthenticationResult?: { AccessToken?: string } };
  const token = json.AuthenticationResult?.AccessToken;
  expect(token, `a token for ${email}`).toBeTruthy();
  return token!;
}

/** One GraphQL call; its first error, if any, is returned rather than thrown. */
export async function call(token: string, query: string, variables: Json = {}) {
  const response = await fetch(cloud().graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Json | null; errors?: { errorType?: string; message: string }[] };
}

/** A call that must succeed: its data. */
export async function must(token: string, query: string, variables: Json = {}): Promise<Json> {
  const answer = await call(token, query, variables);
  expect(answer.errors ?? [], query).toEqual([]);
  return answer.data!;
}

/** A class of the staff member's university; its id. */
export async function createClass(staff: string, name: string, capacity = 10): Promise<string> {
  const data = await must(staff, 'mutation ($i: CreateClassInput!) { createClass(input: $i) { id } }', {
    i: {
      name,
      sport: 'FITNESS',
      instructor: 'Ines Jacobs',
      place: 'Sportkot hall 1',
      capacity,
      description: 'Full body.',
    },
  });
  return (data.createClass as Json).id as string;
}

/** One session `inMs` from now (rounded up to the next whole minute); its id. */
export async function scheduleIn(staff: string, classId: string, inMs: number, durationMinutes = 30): Promise<string> {
  const startsAt = new Date(Math.ceil((Date.now() + inMs) / 60_000) * 60_000).toISOString();
  const data = await must(
    staff,
    'mutation ($c: ID!, $s: AWSDateTime!, $d: Int!) { scheduleSessions(classId: $c, startsAt: $s, durationMinutes: $d) { id } }',
    { c: classId, s: startsAt, d: durationMinutes },
  );
  return ((data.scheduleSessions as Json[])[0] as Json).id as string;
}

export async function book(student: string, sessionId: string): Promise<Json> {
  const data = await must(student, 'mutation ($s: ID!) { bookSession(sessionId: $s) { status checkInCode } }', {
    s: sessionId,
  });
  return data.bookSession as Json;
}

export async function idOf(token: string): Promise<string> {
  return ((await must(token, '{ me { id } }')).me as Json).id as string;
}
