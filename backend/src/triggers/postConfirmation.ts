/** Cognito post-confirmation trigger: the new user's profile is made here, with their email. */
import { ensureProfile } from '../profiles/ensureProfile.js';
import { lambdaServices } from '../runtime.js';

interface PostConfirmationEvent {
  triggerSource: string;
  request: { userAttributes: Record<string, string> };
}

export async function handler(event: PostConfirmationEvent): Promise<PostConfirmationEvent> {
  if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
  const { db } = await lambdaServices();
  const attributes = event.request.userAttributes;
  await ensureProfile(db, { sub: attributes.sub!, email: attributes.email!, name: attributes.name, groups: [] });
  return event;
}
