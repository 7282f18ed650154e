/**
 * Cognito post-confirmation trigger: the new user's profile is made here, with their email. Triggers
 * only need the database (lambdaDatabase), so they carry no GRAPHQL_URL and the user pool does not
 * depend on the API that depends on it.
 */
import { ensureProfile } from '../profiles/ensureProfile.js';
import { lambdaDatabase } from '../runtime.js';

interface PostConfirmationEvent {
  triggerSource: string;
  request: { userAttributes: Record<string, string> };
}

export async function handler(event: PostConfirmationEvent): Promise<PostConfirmationEvent> {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const db = await lambdaDatabase();
  const attributes = event.request.userAttributes;
  await ensureProfile(db, { sub: attributes.sub!, email: attributes.email!, name: attributes.name, groups: [] });
  return event;
}
