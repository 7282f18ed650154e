import { signIn, signUp, type SignInInput, type SignUpInput } from 'aws-amplify/auth';
import { t } from '@/i18n';
import type { SignInResult } from './signIn';

const PRE_SIGN_UP_PREFIX = /^PreSignUp failed with error\s*/;

// The sign-up rule's wording (backend/src/universities/signUpRule.ts) arrives in English; these
// sentences are shown in the user's language, with the server's list of universities kept.
const UNIVERSITY_ONLY = /^Sign up with your university email address\. Huddle is open to: (.+)$/s;
const INVALID_EMAIL = /^Enter a valid email address$/;
// The display name's rule (displayNameRefusal in the same file).
const NAME_REQUIRED = /^Enter a display name: the name other students see$/;
const NAME_TOO_LONG = /^Your display name can be at most (\d+) characters$/;
const NAME_INVALID = /^Your display name contains characters that are not allowed$/;

function translateRuleMessage(message: string): string {
  const universityOnly = UNIVERSITY_ONLY.exec(message);
  if (universityOnly) return t('auth.signUp.universityOnly', { universities: universityOnly[1] });
  if (INVALID_EMAIL.test(message)) return t('auth.signUp.invalidEmail');
  if (NAME_REQUIRED.test(message)) return t('auth.signUp.displayNameRequired');
  const tooLong = NAME_TOO_LONG.exec(message);
  if (tooLong) return t('auth.signUp.displayNameTooLong', { max: Number(tooLong[1]) });
  if (NAME_INVALID.test(message)) return t('auth.signUp.displayNameInvalid');
  return message;
}

/**
 * Cognito wraps the pre-sign-up trigger's refusal ("Use your university email…") as
 * "PreSignUp failed with error Use your university email….". Keep only the trigger's own words,
 * in the user's language when they are the sign-up rule's.
 */
export function readableSignUpError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'UserLambdaValidationException') return error;
  const message = error.message
    .replace(PRE_SIGN_UP_PREFIX, '')
    .replace(/\.+\s*$/, '')
    .trim();
  const readable = new Error(message ? translateRuleMessage(message) : error.message);
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

/**
 * The Authenticator's services when it takes over a sign-in the app's own form began (a next step
 * such as confirming the sign-up or choosing a new password): its first sign-in answers with what
 * Amplify already said, so the user is not signed in twice and Amplify keeps its one challenge.
 */
export function authenticatorServicesContinuing(result: SignInResult) {
  let handedOver: SignInResult | undefined = result;
  return {
    ...authenticatorServices,
    async handleSignIn(input: SignInInput) {
      const answer = handedOver;
      handedOver = undefined;
      return answer ?? signIn(input);
    },
  };
}
