import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listenToAuthEvents } from '@/auth/authEvents';
import { readSignedInUser, signOut as authSignOut } from '@/auth/session';
import type { AuthEvent, SessionUser } from '@/auth/types';
import { clearSessionCaches } from '@/pwa/caches';

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

export const STAFF_GROUPS: readonly string[] = ['staff', 'admin'];

/**
 * Who is signed in, for guards and the header. Amplify owns the tokens; this store only keeps
 * what the token says about the user. One session check, then Hub events keep it current,
 * so navigation never waits on the network.
 */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('unknown');
  const user = ref<SessionUser | null>(null);
  const isStaff = computed(() => user.value?.groups.some((group) => STAFF_GROUPS.includes(group)) ?? false);

  let loaded: Promise<void> | undefined;
  let stopListening: (() => void) | undefined;

  async function refreshUser(): Promise<void> {
    const current = await readSignedInUser();
    user.value = current;
    status.value = current ? 'signedIn' : 'signedOut';
  }

  function markSignedOut(): void {
    user.value = null;
    status.value = 'signedOut';
    void clearSessionCaches();
  }

  function onAuthEvent(event: AuthEvent): void {
    if (event === 'signedIn') void refreshUser();
    else markSignedOut(); // signedOut, tokenRefresh_failure
  }

  /** Safe to await from every guard: the check runs once, later calls reuse it. */
  function ensureLoaded(): Promise<void> {
    loaded ??= refreshUser().then(() => {
      stopListening ??= listenToAuthEvents(onAuthEvent);
    });
    return loaded;
  }

  /** `global: true` ends the session on every device, not just this browser. */
  async function signOut(options: { global?: boolean } = {}): Promise<void> {
    try {
      await authSignOut(options);
    } finally {
      markSignedOut();
    }
  }

  /** The API said the token is dead: forget the user now, tidy Amplify's cache in the background. */
  function expireSession(): void {
    if (status.value === 'signedOut') return;
    markSignedOut();
    authSignOut().catch(() => {
      // Revoking an already dead token may fail; the local tokens are cleared either way.
    });
  }

  return { status, user, isStaff, ensureLoaded, signOut, expireSession };
});
