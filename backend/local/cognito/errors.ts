/**
 * Cognito-shaped errors. cognito-local throws its own CognitoError with wording that differs
 * from the real service; the app shows Cognito's messages (Amplify UI translates them by text),
 * so the known ones are rewritten here to what AWS answers.
 */
import { CognitoError, UnsupportedError } from 'cognito-local/lib/errors.js';

export { CognitoError, UnsupportedError };

export const cognitoError = (type: string, message: string) => new CognitoError(type, message);

export const WRONG_PASSWORD = () => cognitoError('NotAuthorizedException', 'Incorrect username or password.');

/** cognito-local's default (type, message) → AWS's (type, message). */
const REWRITES: Record<string, [string, string]> = {
  'InvalidPasswordException|Invalid password': ['NotAuthorizedException', 'Incorrect username or password.'],
  // USER_PASSWORD_AUTH for an unknown user: the same words as a wrong password (PreventUserExistenceErrors).
  'NotAuthorizedException|User not authorized': ['NotAuthorizedException', 'Incorrect username or password.'],
  'UsernameExistsException|User already exists': [
    'UsernameExistsException',
    'An account with the given email already exists.',
  ],
  'CodeMismatchException|Incorrect confirmation code': [
    'CodeMismatchException',
    'Invalid verification code provided, please try again.',
  ],
  'UserNotFoundException|User not found.': ['UserNotFoundException', 'User does not exist.'],
  'PasswordResetRequiredException|Password reset required': [
    'PasswordResetRequiredException',
    'Password reset required for the user',
  ],
};

const APP_CLIENT = /^App Client (.*) not found$/;

export interface ErrorAnswer {
  status: number;
  type: string;
  message: string;
}

/** What goes on the wire for a thrown error; `op` names the operation for unsupported features. */
export function toErrorAnswer(err: unknown, op: string): ErrorAnswer | null {
  if (err instanceof UnsupportedError) {
    return {
      status: 400,
      type: 'UnsupportedOperationException',
      message: `Huddle's local Cognito does not support ${op} (${err.message})`,
    };
  }
  if (err instanceof CognitoError) {
    const code = (err as CognitoError & { code: string }).code;
    const [type, message] = REWRITES[`${code}|${err.message}`] ?? [
      code,
      err.message.replace(APP_CLIENT, 'User pool client $1 does not exist.'),
    ];
    return { status: 400, type, message };
  }
  return null; // an internal failure: the caller logs it and answers 500
}
