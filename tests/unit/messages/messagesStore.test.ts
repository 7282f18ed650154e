import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onReconnected } from '@/api/connection';
import {
  getUnreadMessageCount,
  markConversationRead,
  subscribeToMessages,
  subscribeToReadReceipts,
  type Message,
  type ReadReceipt,
} from '@/api/messages';
import { useMessagesStore } from '@/stores/messages';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from '../fixtures';
import { BEN, ME, makeConversation, makeMessage } from './fixtures';

vi.mock('@/api/messages', () => ({
  getUnreadMessageCount: vi.fn(),
  markConversationRead: vi.fn(),
  sendMessage: vi.fn(),
  subscribeToMessages: vi.fn(),
  subscribeToReadReceipts: vi.fn(),
}));
vi.mock('@/api/connection', () => ({ onReconnected: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

let push: (message: Message) => void;
let receipt: (receipt: ReadReceipt) => void;
let failSubscription: (error: Error) => void;
let reconnected: () => void;
const closeMessages = vi.fn();
const closeReceipts = vi.fn();
const stopHub = vi.fn();

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getUnreadMessageCount).mockResolvedValue(2);
  vi.mocked(subscribeToMessages).mockImplementation((_user, onMessage, onError) => {
    push = onMessage;
    failSubscription = onError!;
    return closeMessages;
  });
  vi.mocked(subscribeToReadReceipts).mockImplementation((_user, onReceipt) => {
    receipt = onReceipt;
    return closeReceipts;
  });
  vi.mocked(onReconnected).mockImplementation((listener) => {
    reconnected = listener;
    return stopHub;
  });
  setActivePinia(createPinia());
  useSessionStore().user = makeSessionUser();
});
afterEach(() => {
  useMessagesStore().stop();
  vi.useRealTimers();
});

async function started() {
  const store = useMessagesStore();
  store.start();
  await flushPromises();
  return store;
}

describe('the messages store', () => {
  it('reads the unread total and listens for my messages and read receipts once, however often started', async () => {
    const store = await started();
    store.start();
    expect(store.unreadTotal).toBe(2);
    expect(subscribeToMessages).toHaveBeenCalledTimes(1);
    expect(subscribeToMessages).toHaveBeenCalledWith(ME, expect.any(Function), expect.any(Function));
    expect(subscribeToReadReceipts).toHaveBeenCalledWith(ME, expect.any(Function), expect.any(Function));
  });

  it('counts a live message once (a redelivery is skipped) and tells the screens', async () => {
    const store = await started();
    const heard = vi.fn();
    store.onArrival(heard);
    const message = makeMessage();
    push(message);
    push({ ...message });
    expect(store.unreadTotal).toBe(3);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('does not count a message from the person whose chat is open in a visible tab: that chat reads it', async () => {
    const store = await started();
    store.readingWith = BEN.id;
    push(makeMessage());
    expect(store.unreadTotal).toBe(2);
    push(makeMessage({ senderId: 'sub-carl' }));
    expect(store.unreadTotal).toBe(3);
  });

  it('passes read receipts on, and marks a conversation read before counting again', async () => {
    const store = await started();
    const heard = vi.fn();
    store.onReceipt(heard);
    const read = { conversationId: 'c', readerId: BEN.id, userId: ME, readAt: '2026-11-26T10:00:00.000Z' };
    receipt(read);
    expect(heard).toHaveBeenCalledWith(read);

    vi.mocked(markConversationRead).mockResolvedValue(makeConversation());
    vi.mocked(getUnreadMessageCount).mockResolvedValue(0);
    await store.markRead('c');
    expect(markConversationRead).toHaveBeenCalledWith('c');
    expect(store.unreadTotal).toBe(0);
  });

  it('catches up when Amplify reconnects, the network returns or the tab is shown again', async () => {
    const store = await started();
    const resynced = vi.fn();
    store.onResync(resynced);
    const flush = vi.spyOn(useOutboxStore(), 'flush');
    vi.mocked(getUnreadMessageCount).mockResolvedValue(5);

    reconnected();
    await flushPromises();
    expect(resynced).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalled();
    expect(store.unreadTotal).toBe(5);

    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(resynced).toHaveBeenCalledTimes(3);
  });

  it('listens again after a subscription error, with a growing pause, and catches up then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const store = await started();
    const resynced = vi.fn();
    store.onResync(resynced);
    failSubscription(new Error('socket closed'));
    expect(closeMessages).toHaveBeenCalledTimes(1);
    expect(closeReceipts).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(subscribeToMessages).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(subscribeToMessages).toHaveBeenCalledTimes(2);
    expect(resynced).toHaveBeenCalledTimes(1);
    failSubscription(new Error('again'));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(subscribeToMessages).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(subscribeToMessages).toHaveBeenCalledTimes(3);
  });

  it('releases everything on sign-out: subscriptions, the Hub listener, the count', async () => {
    const store = await started();
    useSessionStore().user = null;
    await flushPromises();
    expect(closeMessages).toHaveBeenCalled();
    expect(closeReceipts).toHaveBeenCalled();
    expect(stopHub).toHaveBeenCalled();
    expect(store.unreadTotal).toBe(0);
  });
});
