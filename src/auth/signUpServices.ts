import { signUp, type SignUpInput } from 'aws-amplify/auth';

const PRE_SIGN_UP_PREFIX = /^PreSignUp failed with error\s*/;

/**
 * Cognito wraps the pre-sign-up trigger's refusal ("Use your university email…") as
 * "PreSignUp failed with error Use your university email….". Keep only the trigger's own words.
 */
export function readableSignUpError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'UserLambdaValidationException') return error;
  const message = error.message
    .replace(PRE_SIGN_UP_PREFIX, '')
    .replace(/\.+\s*$/, '')
    .trim();
  const readable = new Error(message || error.message);
  readable.name = error.name;
  return readable;
}

/** Passed to the Authenticator's `services` prop; only sign-up needs a translation. */
export const authenticatorServices = {
  async handleSignUp(input: SignUpInput) {
    try {
      return await signUp(input);
    } catch (error) {
      throw readableSignUpError(error);
    }
  },
};
