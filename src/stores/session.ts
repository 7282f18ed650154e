import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listenToAuthEvents } from '@/auth/authEvents';
import { readSignedInUser, refreshTokens, signOut as authSignOut } from '@/auth/session';
import type { AuthEvent, SessionUser } from '@/auth/types';
import { clearSessionCaches } from '@/pwa/caches';

export type SessionStatus = 'unknown' | 'signedIn' | 'signedOut';

export const STAFF_GROUPS: readonly string[] = ['staff', 'admin'];
export const ADMIN_GROUPS: readonly string[] = ['admin'];

/**
 * Who is signed in, for guards and the header. Amplify owns the tokens; this store only keeps
 * what the token says about the user. One session check, then Hub events keep it current,
 * so navigation never waits on the network.
 */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('unknown');
  const user = ref<SessionUser | null>(null);
  const isStaff = computed(() => user.value?.groups.some((group) => STAFF_GROUPS.includes(group)) ?? false);
  const isAdmin = computed(() => user.value?.groups.some((group) => ADMIN_GROUPS.includes(group)) ?? false);

  let serverGroups: (() => Promise<string[]>) | undefined;
  let groupCheck: Promise<boolean> | undefined;

  /** main.ts gives the store the server's record of the user's groups (tests leave it out). */
  function checkGroupsWith(source: () => Promise<string[]>): void {
    serverGroups = source;
  }

  /**
   * The token's groups are a copy made when it was issued; the server's record is the truth. When
   * they differ (someone was just made staff, or removed), Amplify fetches new tokens and the store
   * reads the user again. Resolves to whether the groups changed.
   */
  async function syncGroups(): Promise<boolean> {
    const current = user.value;
    if (!serverGroups || !current) return false;
    try {
      const server = [...(await serverGroups())].sort().join(',');
      if (server === [...current.groups].sort().join(',')) return false;
      await refreshTokens();
      await refreshUser();
      return true;
    } catch {
      return false; // offline or refused: the token's groups stand until the next check
    }
  }

  /** Once per signed-in session, in the background: the header follows when it is done. */
  function checkGroupsOnce(): Promise<boolean> {
    groupCheck ??= syncGroups();
    return groupCheck;
  }

  let loaded: Promise<void> | undefined;
  let stopListening: (() => void) | undefined;

  async function refreshUser(): Promise<void> {
    const current = await readSignedInUser();
    user.value = current;
    status.value = current ? 'signedIn' : 'signedOut';
  }

  function startGroupCheck(): void {
    groupCheck = undefined;
    if (status.value === 'signedIn') void checkGroupsOnce();
  }

  function markSignedOut(): void {
    user.value = null;
    status.value = 'signedOut';
    void clearSessionCaches();
  }

  function onAuthEvent(event: AuthEvent): void {
    if (event === 'signedIn') void refreshUser().then(startGroupCheck);
    else markSignedOut(); // signedOut, tokenRefresh_failure
  }

  /** Safe to await from every guard: the check runs once, later calls reuse it. */
  function ensureLoaded(): Promise<void> {
    loaded ??= refreshUser().then(() => {
      stopListening ??= listenToAuthEvents(onAuthEvent);
      startGroupCheck();
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

  return {
    status,
    user,
    isStaff,
    isAdmin,
    ensureLoaded,
    signOut,
    expireSession,
    checkGroupsWith,
    checkGroupsOnce,
    syncGroups,
  };
});
