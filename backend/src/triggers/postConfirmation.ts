/**
 * Cognito post-confirmation trigger: the new user's profile is made here, with their email. Triggers
 * only need the database (lambdaDatabase), so they carry no GRAPHQL_URL and the user pool does not
 * depend on the API that depends on it.
 */
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { ensureProfile } from '../profiles/ensureProfile.js';
import { lambdaDatabase } from '../runtime.js';

export async function handler(event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const db = await lambdaDatabase();
  const attributes = event.request.userAttributes;
  await ensureProfile(db, { sub: attributes.sub!, email: attributes.email!, name: attributes.name, groups: [] });
  return event;
}
