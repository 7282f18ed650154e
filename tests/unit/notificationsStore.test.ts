import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { getUnreadCounts, markNotificationsRead, subscribeToNotifications } from '@/api/notifications';
import type { AppNotification } from '@/api/notifications';
import { RETRY_BASE_MS, RETRY_MAX_MS, SEEN_IDS_MAX, useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { makeNotification } from './activityFixtures';
import { makeSessionUser } from './fixtures';

vi.mock('@/api/notifications', () => ({
  listNotifications: vi.fn(),
  getUnreadCounts: vi.fn(),
  markNotificationsRead: vi.fn(),
  subscribeToNotifications: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

/** What the store handed to the last subscribeToNotifications call, to play the server's part. */
let push: (notification: AppNotification) => void = () => {};
let fail: (error: Error) => void = () => {};
const closeSubscription = vi.fn();

beforeEach(() => {
  vi.clearAllMocks();
  setActivePinia(createPinia());
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 3, messages: 0 });
  vi.mocked(subscribeToNotifications).mockImplementation((_userId, onNotification, onError) => {
    push = onNotification;
    fail = onError ?? (() => {});
    return closeSubscription;
  });
});

// Each test's store lets go of its window listeners, so the next test's store is the only one listening.
afterEach(async () => {
  useNotificationsStore().stop();
  await flushPromises();
  vi.useRealTimers();
});

async function startSignedIn(sub = 'sub-ann') {
  useSessionStore().user = makeSessionUser({ sub });
  const store = useNotificationsStore();
  store.start();
  await flushPromises();
  return store;
}

describe('notifications store', () => {
  it('does nothing until started, then reads the count and listens for the session user', async () => {
    useSessionStore().user = makeSessionUser();
    const store = useNotificationsStore();
    await flushPromises();
    expect(subscribeToNotifications).not.toHaveBeenCalled();

    store.start();
    store.start();
    await flushPromises();
    expect(store.unreadCount).toBe(3);
    expect(getUnreadCounts).toHaveBeenCalledTimes(1);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(1);
    expect(subscribeToNotifications).toHaveBeenCalledWith('sub-ann', expect.any(Function), expect.any(Function));
  });

  it('counts live arrivals and tells listeners, once per notification', async () => {
    const store = await startSignedIn();
    const heard = vi.fn();
    const stopHearing = store.onArrival(heard);

    push(makeNotification({ id: 'n-1' }));
    push(makeNotification({ id: 'n-2' }));
    push(makeNotification({ id: 'n-2' })); // a redelivery
    expect(store.unreadCount).toBe(5);
    expect(heard.mock.calls.map(([n]) => (n as AppNotification).id)).toEqual(['n-1', 'n-2']);

    stopHearing();
    push(makeNotification({ id: 'n-3' }));
    expect(heard).toHaveBeenCalledTimes(2);
    expect(store.unreadCount).toBe(6);
  });

  it('remembers a bounded number of ids: only the oldest can come through again', async () => {
    const store = await startSignedIn();
    const heard = vi.fn();
    store.onArrival(heard);
    for (let i = 0; i <= SEEN_IDS_MAX; i += 1) push(makeNotification({ id: `n-${i}` }));
    expect(heard).toHaveBeenCalledTimes(SEEN_IDS_MAX + 1);

    push(makeNotification({ id: `n-${SEEN_IDS_MAX}` })); // still remembered
    push(makeNotification({ id: 'n-1' })); // still remembered
    expect(heard).toHaveBeenCalledTimes(SEEN_IDS_MAX + 1);
    push(makeNotification({ id: 'n-0' })); // forgotten to make room
    expect(heard).toHaveBeenCalledTimes(SEEN_IDS_MAX + 2);
  });

  it('marks some read, never counting below zero, and all read to zero', async () => {
    const store = await startSignedIn();
    push(makeNotification({ id: 'n-1' }));
    vi.mocked(markNotificationsRead).mockResolvedValueOnce(1);
    await store.markRead(['n-1']);
    expect(markNotificationsRead).toHaveBeenCalledWith(['n-1']);
    expect(store.unreadCount).toBe(3);

    vi.mocked(markNotificationsRead).mockResolvedValueOnce(9);
    await store.markRead(['a', 'b']);
    expect(store.unreadCount).toBe(0);

    vi.mocked(getUnreadCounts).mockResolvedValueOnce({ notifications: 4, messages: 0 });
    await store.refreshCount();
    vi.mocked(markNotificationsRead).mockResolvedValueOnce(4);
    await store.markRead();
    expect(markNotificationsRead).toHaveBeenCalledWith(undefined);
    expect(store.unreadCount).toBe(0);
  });

  it('keeps the count when marking fails, and lets the caller know', async () => {
    const store = await startSignedIn();
    vi.mocked(markNotificationsRead).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    await expect(store.markRead()).rejects.toThrow('Network error');
    expect(store.unreadCount).toBe(3);
  });

  it('closes the subscription and forgets everything on sign-out, and starts over for the next user', async () => {
    const store = await startSignedIn();
    push(makeNotification({ id: 'n-1' }));
    const removeListener = vi.spyOn(window, 'removeEventListener');

    useSessionStore().user = null;
    await flushPromises();
    expect(closeSubscription).toHaveBeenCalledTimes(1);
    expect(store.unreadCount).toBe(0);
    expect(removeListener).toHaveBeenCalledWith('focus', expect.any(Function));
    expect(removeListener).toHaveBeenCalledWith('online', expect.any(Function));

    vi.mocked(getUnreadCounts).mockResolvedValueOnce({ notifications: 1, messages: 0 });
    useSessionStore().user = makeSessionUser({ sub: 'sub-bert' });
    await flushPromises();
    expect(subscribeToNotifications).toHaveBeenLastCalledWith('sub-bert', expect.any(Function), expect.any(Function));
    expect(store.unreadCount).toBe(1);
  });

  it('re-reads the count when the window regains focus or comes back online, but not after sign-out', async () => {
    const store = await startSignedIn();
    vi.mocked(getUnreadCounts).mockResolvedValueOnce({ notifications: 7, messages: 0 });
    window.dispatchEvent(new Event('focus'));
    await flushPromises();
    expect(store.unreadCount).toBe(7);

    vi.mocked(getUnreadCounts).mockResolvedValueOnce({ notifications: 8, messages: 0 });
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(store.unreadCount).toBe(8);

    useSessionStore().user = null;
    await flushPromises();
    const calls = vi.mocked(getUnreadCounts).mock.calls.length;
    window.dispatchEvent(new Event('focus'));
    await flushPromises();
    expect(getUnreadCounts).toHaveBeenCalledTimes(calls);
  });

  it('survives a subscription error: keeps the count and reopens after a growing, bounded delay', async () => {
    vi.useFakeTimers();
    const store = await startSignedIn();
    push(makeNotification({ id: 'n-1' }));

    fail(new ApiError('NetworkError', 'Connection lost'));
    expect(closeSubscription).toHaveBeenCalledTimes(1);
    expect(store.unreadCount).toBe(4);

    vi.advanceTimersByTime(RETRY_BASE_MS - 1);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(2);
    await flushPromises();
    expect(store.unreadCount).toBe(3); // re-read: events sent while down are not replayed

    // Each reopened subscription fails again before the count comes back: the delay keeps growing.
    fail(new ApiError('NetworkError', 'Connection lost'));
    vi.advanceTimersByTime(RETRY_BASE_MS);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(3);
    fail(new ApiError('NetworkError', 'Connection lost'));
    vi.advanceTimersByTime(RETRY_BASE_MS);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(RETRY_BASE_MS);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(4);

    for (let i = 0; i < 10; i += 1) {
      fail(new ApiError('NetworkError', 'Connection lost'));
      vi.advanceTimersByTime(RETRY_MAX_MS);
    }
    expect(subscribeToNotifications).toHaveBeenCalledTimes(14);
    await flushPromises(); // the count re-reads, all for subscriptions that have failed since
  });

  it('starts the backoff over once a reopened subscription works again', async () => {
    vi.useFakeTimers();
    await startSignedIn();
    for (const delay of [RETRY_BASE_MS, RETRY_BASE_MS * 2, RETRY_BASE_MS * 4]) {
      fail(new ApiError('NetworkError', 'Connection lost'));
      vi.advanceTimersByTime(delay);
    }
    expect(subscribeToNotifications).toHaveBeenCalledTimes(4);
    await flushPromises(); // the count re-read after the third reopen succeeds, the socket still open

    fail(new ApiError('NetworkError', 'Connection lost'));
    vi.advanceTimersByTime(RETRY_BASE_MS);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(5);
  });

  it('keeps backing off while the reopened subscription fails before the count comes back', async () => {
    vi.useFakeTimers();
    await startSignedIn();
    fail(new ApiError('NetworkError', 'Connection lost'));
    vi.advanceTimersByTime(RETRY_BASE_MS);
    fail(new ApiError('NetworkError', 'Connection lost')); // fails at once, before the count re-read
    await flushPromises();
    vi.advanceTimersByTime(RETRY_BASE_MS * 2 - 1);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(3);
  });

  it('tells re-sync listeners on focus, visibility, online and a reopen, until they stop', async () => {
    vi.useFakeTimers();
    const store = await startSignedIn();
    const resynced = vi.fn();
    const stopResyncing = store.onResync(resynced);

    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange')); // jsdom's document is visible
    expect(resynced).toHaveBeenCalledTimes(3);

    fail(new ApiError('NetworkError', 'Connection lost'));
    expect(resynced).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(RETRY_BASE_MS);
    expect(resynced).toHaveBeenCalledTimes(4);

    stopResyncing();
    window.dispatchEvent(new Event('focus'));
    expect(resynced).toHaveBeenCalledTimes(4);
  });

  it('stops retrying on sign-out', async () => {
    vi.useFakeTimers();
    await startSignedIn();
    fail(new ApiError('NetworkError', 'Connection lost'));
    useSessionStore().user = null;
    await flushPromises();
    vi.advanceTimersByTime(RETRY_MAX_MS * 2);
    expect(subscribeToNotifications).toHaveBeenCalledTimes(1);
  });
});
