import { signIn, type SignInOutput } from 'aws-amplify/auth';

/**
 * Signing in with email and password from the app's own form (SignInView), so the sign-in page
 * shows without the Amplify UI Authenticator. Its own chunk, loaded when the form is first
 * touched: Amplify's SRP code is not needed to paint the page.
 */

/** What Amplify answered: signed in, or the next step (confirm the sign-up, set a new password…). */
export type SignInResult = SignInOutput;

/** Why a sign-in was refused, in the words the form shows (auth.signIn.errors.*). */
export type SignInFailure = 'incorrect' | 'tooManyAttempts' | 'network' | 'unknown';

/** Amplify's SRP flow, as the Authenticator runs it. A completed sign-in is announced on Hub ('signedIn'). */
export function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  return signIn({ username: email.trim(), password });
}

export function signInFailure(error: unknown): SignInFailure {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : '';
  // Cognito says "Password attempts exceeded" with the same name as a wrong password.
  if (/attempts exceeded|attempt limit/i.test(message)) return 'tooManyAttempts';
  if (name === 'LimitExceededException' || name === 'TooManyRequestsException') return 'tooManyAttempts';
  // An unknown email is told like a wrong password: the form does not reveal who has an account.
  if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') return 'incorrect';
  if (name === 'NetworkError' || error instanceof TypeError) return 'network';
  return 'unknown';
}
