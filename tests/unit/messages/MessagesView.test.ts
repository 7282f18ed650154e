import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import {
  getUnreadMessageCount,
  listConversations,
  subscribeToMessages,
  subscribeToReadReceipts,
  type Message,
} from '@/api/messages';
import { getMe } from '@/api/profile';
import { useMessagesStore } from '@/stores/messages';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import MessagesView from '@/views/MessagesView.vue';
import { makeProfile, makeSessionUser } from '../fixtures';
import { mountWithApp } from '../mountWithApp';
import { BEN, ME, makeConversation, makeMessage, mine } from './fixtures';

vi.mock('@/api/messages', () => ({
  getUnreadMessageCount: vi.fn(),
  listConversations: vi.fn(),
  sendMessage: vi.fn(),
  subscribeToMessages: vi.fn(),
  subscribeToReadReceipts: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/api/connection', () => ({ onReconnected: vi.fn(() => () => {}) }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

const CARL = { id: 'sub-carl', displayName: 'Carl Dubois', universityId: 'uni-kuleuven' };
const withCarl = makeConversation({
  id: `${ME}:${CARL.id}`,
  otherUser: CARL,
  unreadCount: 2,
  updatedAt: '2026-11-26T11:00:00.000Z',
  lastMessage: makeMessage({
    senderId: CARL.id,
    text: 'Padel tomorrow?\nI booked a court.',
    createdAt: '2026-11-26T11:00:00.000Z',
  }),
});
const withBen = makeConversation({
  lastMessage: mine({ text: 'See you at seven', createdAt: '2026-11-25T09:00:00.000Z' }),
  updatedAt: '2026-11-25T09:00:00.000Z',
});
let push: (message: Message) => void;

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-26T12:00:00.000Z'));
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getUnreadMessageCount).mockResolvedValue(2);
  vi.mocked(listConversations).mockResolvedValue({ items: [withCarl, withBen], nextToken: null });
  vi.mocked(subscribeToMessages).mockImplementation((_me, onMessage) => ((push = onMessage), () => {}));
  vi.mocked(subscribeToReadReceipts).mockReturnValue(() => {});
});
afterEach(() => {
  useMessagesStore().stop();
  useOutboxStore().stop();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function openList() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = makeSessionUser();
  const { wrapper } = await mountWithApp(MessagesView, { path: '/messages', pinia });
  await flushPromises();
  return wrapper;
}
const rows = (wrapper: Awaited<ReturnType<typeof openList>>) => wrapper.findAll('.conversation');

describe('MessagesView', () => {
  it('lists conversations newest first: the person, a one-line preview, its time and the unread count', async () => {
    const wrapper = await openList();
    const [carl, ben] = rows(wrapper);
    expect(carl!.get('a').attributes('href')).toBe(`/messages/${CARL.id}`);
    expect(carl!.get('.conversation__name').text()).toBe('Carl Dubois');
    expect(carl!.get('.conversation__preview').text()).toBe('Padel tomorrow?');
    expect(carl!.get('time').text()).toBe('12:00');
    expect(carl!.get('.conversation__unread').text()).toContain('2 unread messages');
    expect(ben!.get('.conversation__preview').text()).toBe('You: See you at seven');
    expect(ben!.get('time').text()).toBe('Yesterday');
    expect(ben!.find('.conversation__unread').exists()).toBe(false);
  });

  it('moves a conversation to the top live, with its new preview and one more unread, and says so', async () => {
    const wrapper = await openList();
    push(makeMessage({ text: 'Are you coming?', createdAt: '2026-11-26T11:30:00.000Z' }));
    await flushPromises();
    const [first] = rows(wrapper);
    expect(first!.get('.conversation__name').text()).toBe(BEN.displayName);
    expect(first!.get('.conversation__preview').text()).toBe('Are you coming?');
    expect(first!.get('.conversation__unread').text()).toContain('1 unread message');
    expect(wrapper.findAll('[role="status"]').at(-1)!.text()).toBe(`New message from ${BEN.displayName}`);
  });

  it('reads the first page again when a message comes from someone not on the list', async () => {
    const wrapper = await openList();
    const dana = makeConversation({
      id: `${ME}:sub-dana`,
      otherUser: { id: 'sub-dana', displayName: 'Dana Smets', universityId: 'uni-kuleuven' },
      unreadCount: 1,
      updatedAt: '2026-11-26T11:45:00.000Z',
    });
    vi.mocked(listConversations).mockResolvedValue({ items: [dana, withCarl, withBen], nextToken: null });
    push(makeMessage({ senderId: 'sub-dana', conversationId: dana.id, createdAt: '2026-11-26T11:45:00.000Z' }));
    await flushPromises();
    expect(rows(wrapper).map((row) => row.get('.conversation__name').text())).toEqual([
      'Dana Smets',
      'Carl Dubois',
      'Ben Claes',
    ]);
  });

  it('marks a blocked conversation, and one with a message waiting to be sent', async () => {
    vi.mocked(listConversations).mockResolvedValue({ items: [{ ...withBen, blocked: true }], nextToken: null });
    localStorage.setItem(
      `huddle.outbox.${ME}`,
      JSON.stringify([
        {
          clientId: 'c-1',
          recipientId: BEN.id,
          recipientName: BEN.displayName,
          text: 'Hello?',
          createdAt: '2026-11-26T11:00:00.000Z',
          state: 'failed',
          failure: { errorType: 'Conflict', message: 'You blocked this person.', info: { code: 'message.youBlocked' } },
        },
      ]),
    );
    const wrapper = await openList();
    expect(rows(wrapper)[0]!.text()).toContain('Blocked');
    expect(rows(wrapper)[0]!.text()).toContain('Not sent');
  });

  it('explains how to start a conversation when there is none, and offers to retry when the list fails', async () => {
    vi.mocked(listConversations).mockResolvedValueOnce({ items: [], nextToken: null });
    let wrapper = await openList();
    expect(wrapper.text()).toContain('No conversations yet.');
    expect(wrapper.get('a[href="/activities"]').text()).toBe('Find activities');
    wrapper.unmount();

    vi.mocked(listConversations).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    wrapper = await openList();
    expect(wrapper.get('[role="alert"]').text()).toContain('Your conversations could not be loaded.');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    await flushPromises();
    expect(rows(wrapper)).toHaveLength(2);
  });

  it('pages: more conversations on request, none listed twice', async () => {
    vi.mocked(listConversations)
      .mockResolvedValueOnce({ items: [withCarl], nextToken: 'next' })
      .mockResolvedValueOnce({ items: [withCarl, withBen], nextToken: null });
    const wrapper = await openList();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Load more')!
      .trigger('click');
    await flushPromises();
    expect(listConversations).toHaveBeenLastCalledWith({ limit: 20, nextToken: 'next' });
    expect(rows(wrapper).map((row) => row.get('.conversation__name').text())).toEqual(['Carl Dubois', 'Ben Claes']);
  });
});
