import { ref } from 'vue';
import { signOutEverywhere } from '@/api/profile';
import { useSessionStore } from '@/stores/session';

/**
 * Signing out from the account page, here or on every device. Signing out changes the session;
 * the router then moves to the sign-in page on its own.
 */
export function useSignOut() {
  const session = useSessionStore();
  const signingOut = ref(false);
  const signOutFailed = ref(false);

  async function signOut(global: boolean): Promise<void> {
    signingOut.value = true;
    signOutFailed.value = false;
    try {
      // The server first refuses every token already issued, then Cognito revokes the refresh tokens.
      if (global) await signOutEverywhere();
      await session.signOut({ global });
    } catch {
      signOutFailed.value = true;
    } finally {
      signingOut.value = false;
    }
  }

  return { signingOut, signOutFailed, signOut };
}
