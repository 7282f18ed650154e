import { ref, shallowRef } from 'vue';
import type { SignInFailure, SignInResult } from '@/auth/signIn';

/** Where the Authenticator opens: sign-up and password reset are its screens, not the app's. */
export type AuthenticatorStart = 'signIn' | 'signUp' | 'forgotPassword';

/** A sign-in the app's form began and the Authenticator finishes (its next step). */
export interface HandedOverSignIn {
  email: string;
  password: string;
  result: SignInResult;
}

export interface AuthenticatorOpening {
  start: AuthenticatorStart;
  handover: HandedOverSignIn | null;
}

/**
 * The sign-in page's data. The page paints its own small form; the code that signs in loads when
 * the form is first touched, and the Authenticator (its own chunk, ~90 KB gz) only for creating an
 * account, resetting a password or a sign-in that needs another step.
 */
export function useSignIn() {
  const authenticator = shallowRef<AuthenticatorOpening | null>(null);
  const busy = ref(false);
  const failure = ref<SignInFailure | null>(null);

  let auth: Promise<typeof import('@/auth/signIn')> | undefined;
  function loadAuth(): Promise<typeof import('@/auth/signIn')> {
    auth ??= import('@/auth/signIn').catch((error: unknown) => {
      auth = undefined; // a later try fetches it again
      throw error;
    });
    return auth;
  }

  /** Starts fetching the sign-in code while the user types. */
  function prepare(): void {
    loadAuth().catch(() => {
      // Tried again on submit.
    });
  }

  async function signIn(email: string, password: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    failure.value = null;
    let signedIn = false;
    try {
      const module = await loadAuth().catch(() => null);
      if (!module) {
        failure.value = 'network';
        return;
      }
      try {
        const result = await module.signInWithPassword(email, password);
        // Signed in: Amplify tells the session store (Hub), and the page moves on. Otherwise the
        // Authenticator takes over at the step Amplify asks for.
        signedIn = result.isSignedIn;
        if (!signedIn) authenticator.value = { start: 'signIn', handover: { email, password, result } };
      } catch (error) {
        failure.value = module.signInFailure(error);
      }
    } finally {
      // Once signed in the form stays busy until the page leaves.
      busy.value = signedIn;
    }
  }

  function openAuthenticator(start: AuthenticatorStart): void {
    authenticator.value = { start, handover: null };
  }

  return { authenticator, busy, failure, prepare, signIn, openAuthenticator };
}
