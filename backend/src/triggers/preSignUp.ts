/**
 * Cognito pre-sign-up trigger. Throwing refuses the sign-up; Cognito shows the client
 * "PreSignUp failed with error <message>." — the same words the local Cognito uses.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { lambdaDatabase } from '../runtime.js';
import { checkSignUp } from '../universities/signUpRule.js';

export async function handler(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  const db = await lambdaDatabase();
  // A self sign-up names its person; an administrator's invitation may leave that to them.
  const nameRequired = event.triggerSource !== 'PreSignUp_AdminCreateUser';
  const decision = await checkSignUp(db, event.request.userAttributes, { nameRequired });
  if (!decision.allowed) throw new Error(decision.reason);
  return event;
}
