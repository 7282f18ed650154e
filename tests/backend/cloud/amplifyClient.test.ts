/**
 * The whole local cloud driven by the unmodified aws-amplify v6 client, as the app drives it:
 * sign-up with a code from the dev mailbox, default SRP sign-in, GraphQL over HTTP, a live
 * subscription over the realtime socket, group-restricted fields, and signing out everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import { client, runAmplify as run, startAmplifyCloud, type GraphQLResult } from '../support/amplifyCloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';

let cloud: LocalCloud;
let stop: () => Promise<void>;

async function readCode(email: string): Promise<string> {
  const response = await fetch(`${cloud.info.mailboxUrl}?to=${encodeURIComponent(email)}`);
  const mails = (await response.json()) as { code: string }[];
  return mails[0]!.code;
}

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('cloud'));
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

describe('a new student', () => {
  const email = 'Noor.Claes@UGent.be';
  const password = 'Sporty-2026';

  it('is refused with the rule when the email is not a university one', async () => {
    await expect(
      signUp({
        username: 'someone@gmail.com',
        password,
        options: { userAttributes: { email: 'someone@gmail.com', name: 'X' } },
      }),
    ).rejects.toThrow(
      /Sign up with your university email address\. Huddle is open to: .*Ghent University \(@ugent\.be\)/,
    );
  });

  it('is refused a display name with a bidirectional override or none at all', async () => {
    const attempt = (name: string) =>
      signUp({ username: 'iris@ugent.be', password, options: { userAttributes: { email: 'iris@ugent.be', name } } });
    await expect(attempt('Iris\u202Egnp.exe')).rejects.toThrow(
      'Your display name contains characters that are not allowed.',
    );
    await expect(attempt('  ')).rejects.toThrow('Enter a display name: the name other students see.');
  });

  it('signs up, confirms with the mailed code, signs in with SRP and sees their university', async () => {
    const result = await signUp({
      username: email,
      password,
      options: { userAttributes: { email, name: 'Noor Claes' } },
    });
    expect(result.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    const code = await readCode(email.toLowerCase());
    await confirmSignUp({ username: email, confirmationCode: code });

    const signedIn = await signIn({ username: email, password });
    expect(signedIn.isSignedIn).toBe(true);
    const { data } = await run('query { me { id displayName email roles university { name timeZone } } }');
    expect(data?.me).toMatchObject({
      displayName: 'Noor Claes',
      email: 'noor.claes@ugent.be',
      roles: [],
      university: { name: 'Ghent University', timeZone: 'Europe/Brussels' },
    });
  });

  it('receives its own profile update over the realtime socket', async () => {
    const { data } = await run('query { me { id } }');
    const id = (data?.me as { id: string }).id;
    const received: { displayName: string }[] = [];
    const subscription = (
      client.graphql({
        query: 'subscription ($id: ID!) { onProfileUpdated(id: $id) { id displayName } }',
        variables: { id },
      }) as unknown as {
        subscribe(o: { next(v: { data: { onProfileUpdated: { displayName: string } } }): void }): {
          unsubscribe(): void;
        };
      }
    ).subscribe({ next: (event) => received.push(event.data.onProfileUpdated) });

    // Amplify does not say when a subscription is live, so update until the first event arrives.
    const deadline = Date.now() + 10_000;
    for (let i = 0; !received.length && Date.now() < deadline; i++) {
      await run('mutation ($n: String!) { updateProfile(input: { displayName: $n }) { id displayName } }', {
        n: `Noor ${i}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    subscription.unsubscribe();
    expect(received[0]?.displayName).toMatch(/^Noor \d+$/);
  });

  it('is refused the staff-only field, with the field named', async () => {
    const result = await run('query { staffOverview { studentCount } }');
    expect(result.errors?.[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access staffOverview on type Query',
    });
  });

  it('after signing out everywhere, its old access token is refused by the API and a new sign-in works', async () => {
    const before = await fetchAuthSession();
    const oldAccessToken = before.tokens!.accessToken.toString();
    // Tokens carry whole seconds: make sure the sign-out moment is after this token's iat.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const done = await run('mutation { signOutEverywhere }');
    expect(done.data).toEqual({ signOutEverywhere: true });

    const response = await fetch(cloud.info.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: oldAccessToken },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const body = (await response.json()) as GraphQLResult;
    expect(body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });

    await signOut({ global: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await signIn({ username: email, password });
    expect(again.isSignedIn).toBe(true);
    await expect(run('query { me { email } }')).resolves.toMatchObject({
      data: { me: { email: 'noor.claes@ugent.be' } },
    });
    await signOut();
  });
});

describe('sports-centre staff', () => {
  it('reads the staff overview of their own university', async () => {
    await signIn({ username: 'pieter.maes@kuleuven.be', password: DEMO_PASSWORD });
    const { data } = await run('query { staffOverview { university { name } studentCount staffCount } }');
    expect(data?.staffOverview).toMatchObject({ university: { name: 'KU Leuven' }, staffCount: 1 });
    expect((data?.staffOverview as { studentCount: number }).studentCount).toBeGreaterThanOrEqual(2);
    await signOut();
  });
});
