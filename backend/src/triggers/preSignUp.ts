/**
 * Cognito pre-sign-up trigger. Throwing refuses the sign-up; Cognito shows the client
 * "PreSignUp failed with error <message>." — the same words the local Cognito uses.
 */
import { lambdaDatabase } from '../runtime.js';
import { checkSignUpEmail } from '../universities/signUpRule.js';

interface PreSignUpEvent {
  request: { userAttributes: Record<string, string> };
  response: Record<string, unknown>;
}

export async function handler(event: PreSignUpEvent): Promise<PreSignUpEvent> {
  const db = await lambdaDatabase();
  const decision = await checkSignUpEmail(db, event.request.userAttributes.email ?? '');
  if (!decision.allowed) throw new Error(decision.reason);
  return event;
}
