/**
 * Cognito post-confirmation trigger. After ConfirmSignUp the new user's profile is made here, with
 * their email. Cognito fires the same trigger after ConfirmForgotPassword: a password reset ends
 * every session of the user — the API refuses the sessions signed in until now, and their refresh
 * tokens are revoked (AdminUserGlobalSignOut on the pool that called). Triggers only need the
 * database (lambdaDatabase), so they carry no GRAPHQL_URL and the user pool does not depend on
 * the API that depends on it.
 */
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import type { Kysely } from 'kysely';
import { cognitoSdkSend, cognitoUserDirectory, type CognitoSend } from '../aws/cognitoDirectory.js';
import type { Database } from '../db/types.js';
import { ensureProfile } from '../profiles/ensureProfile.js';
import { signOutEverywhere } from '../profiles/sessions.js';
import { lambdaDatabase } from '../runtime.js';

/** The handler with its Cognito client and database injectable (tests); `handler` is what Lambda calls. */
export function createPostConfirmationHandler(
  send: CognitoSend = cognitoSdkSend(),
  database: () => Promise<Kysely<Database>> = lambdaDatabase,
) {
  return async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
    const attributes = event.request.userAttributes;
    if (event.triggerSource === 'PostConfirmation_ConfirmForgotPassword') {
      const directory = cognitoUserDirectory(event.userPoolId, send);
      await signOutEverywhere(directory, await database(), attributes.sub ?? event.userName, new Date());
      return event;
    }
    if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
    const db = await database();
    await ensureProfile(db, { sub: attributes.sub!, email: attributes.email!, name: attributes.name, groups: [] });
    return event;
  };
}

export const handler = createPostConfirmationHandler();
