import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSignedInUser, refreshTokens } from '@/auth/session';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from './fixtures';

vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), refreshTokens: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

beforeEach(() => {
  vi.clearAllMocks();
  setActivePinia(createPinia());
  vi.mocked(refreshTokens).mockResolvedValue();
});

describe("the session's groups follow the server", () => {
  it('refreshes the tokens once when an administrator made the user staff since they were issued', async () => {
    vi.mocked(readSignedInUser)
      .mockResolvedValueOnce(makeSessionUser())
      .mockResolvedValue(makeSessionUser({ groups: ['staff'] }));
    const session = useSessionStore();
    const server = vi.fn().mockResolvedValue(['staff']);
    session.checkGroupsWith(server);
    await session.ensureLoaded();
    await flushPromises();
    expect(refreshTokens).toHaveBeenCalledTimes(1);
    expect(session.isStaff).toBe(true);
    await expect(session.checkGroupsOnce()).resolves.toBe(true);
    expect(server).toHaveBeenCalledTimes(1);
  });

  it('leaves the tokens alone when they agree, and when the server cannot be asked', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser({ groups: ['staff'] }));
    const session = useSessionStore();
    session.checkGroupsWith(vi.fn().mockResolvedValue(['staff']));
    await session.ensureLoaded();
    await expect(session.checkGroupsOnce()).resolves.toBe(false);

    setActivePinia(createPinia());
    const offline = useSessionStore();
    offline.checkGroupsWith(vi.fn().mockRejectedValue(new Error('offline')));
    await offline.ensureLoaded();
    await expect(offline.checkGroupsOnce()).resolves.toBe(false);
    expect(refreshTokens).not.toHaveBeenCalled();
    expect(offline.isStaff).toBe(true);
  });
});
