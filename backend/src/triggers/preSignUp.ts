/**
 * Cognito pre-sign-up trigger. Throwing refuses the sign-up; Cognito shows the client
 * "PreSignUp failed with error <message>." — the same words the local Cognito uses.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { lambdaDatabase } from '../runtime.js';
import { checkSignUpEmail } from '../universities/signUpRule.js';

export async function handler(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  const db = await lambdaDatabase();
  const decision = await checkSignUpEmail(db, event.request.userAttributes.email ?? '');
  if (!decision.allowed) throw new Error(decision.reason);
  return event;
}
