import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listenToAuthEvents } from '@/auth/authEvents';
import { readSignedInUser, signOut } from '@/auth/session';
import type { AuthEvent } from '@/auth/types';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from './fixtures';

// The store is tested against the app's own auth seam; Amplify is never loaded.
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn() }));

let emitAuthEvent: (event: AuthEvent) => void = () => {};

beforeEach(() => {
  vi.clearAllMocks();
  setActivePinia(createPinia());
  vi.mocked(readSignedInUser).mockResolvedValue(null);
  vi.mocked(signOut).mockResolvedValue();
  vi.mocked(listenToAuthEvents).mockImplementation((handler) => {
    emitAuthEvent = handler;
    return () => {};
  });
});

describe('session store', () => {
  it('starts unknown, then checks the session once however many guards ask', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const session = useSessionStore();
    expect(session.status).toBe('unknown');
    await Promise.all([session.ensureLoaded(), session.ensureLoaded()]);
    await session.ensureLoaded();
    expect(readSignedInUser).toHaveBeenCalledTimes(1);
    expect(listenToAuthEvents).toHaveBeenCalledTimes(1);
    expect(session.status).toBe('signedIn');
    expect(session.user?.sub).toBe('sub-ann');
  });

  it('is signed out when there is no session', async () => {
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.status).toBe('signedOut');
    expect(session.user).toBeNull();
  });

  it('knows staff and admins from their groups', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser({ groups: ['staff'] }));
    const session = useSessionStore();
    await session.ensureLoaded();
    expect(session.isStaff).toBe(true);
  });

  it('follows Hub events: signedIn reads the user, signedOut and a failed refresh sign out', async () => {
    const session = useSessionStore();
    await session.ensureLoaded();
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser({ groups: ['admin'] }));
    emitAuthEvent('signedIn');
    await vi.waitFor(() => expect(session.status).toBe('signedIn'));
    expect(session.isStaff).toBe(true);

    emitAuthEvent('tokenRefresh_failure');
    expect(session.status).toBe('signedOut');
    expect(session.user).toBeNull();
  });

  it('signs out through Amplify, globally when asked, and is signed out even if that fails', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const session = useSessionStore();
    await session.ensureLoaded();
    await session.signOut({ global: true });
    expect(signOut).toHaveBeenCalledWith({ global: true });
    expect(session.status).toBe('signedOut');

    await session.ensureLoaded();
    vi.mocked(signOut).mockRejectedValueOnce(new Error('offline'));
    session.$patch({ status: 'signedIn', user: makeSessionUser() });
    await expect(session.signOut()).rejects.toThrow('offline');
    expect(session.status).toBe('signedOut');
  });

  it('forgets the user at once when the API reports a dead session', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    vi.mocked(signOut).mockRejectedValue(new Error('token already revoked'));
    const session = useSessionStore();
    await session.ensureLoaded();
    session.expireSession();
    expect(session.status).toBe('signedOut');
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});
