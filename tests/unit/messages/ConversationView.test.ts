import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import {
  blockUser,
  getChatContact,
  getUnreadMessageCount,
  listMessages,
  markConversationRead,
  sendMessage,
  subscribeToMessages,
  subscribeToReadReceipts,
  unblockUser,
  type Message,
  type ReadReceipt,
} from '@/api/messages';
import { getMe } from '@/api/profile';
import { useMessagesStore } from '@/stores/messages';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import ConversationView from '@/views/ConversationView.vue';
import { deferred, makeProfile, makeSessionUser } from '../fixtures';
import { mountWithApp } from '../mountWithApp';
import { BEN, ME, makeChatContact, makeConversation, makeMessage, mine } from './fixtures';

vi.mock('@/api/messages', () => ({
  blockUser: vi.fn(),
  getChatContact: vi.fn(),
  getUnreadMessageCount: vi.fn(),
  listMessages: vi.fn(),
  markConversationRead: vi.fn(),
  sendMessage: vi.fn(),
  subscribeToMessages: vi.fn(),
  subscribeToReadReceipts: vi.fn(),
  unblockUser: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/api/connection', () => ({ onReconnected: vi.fn(() => () => {}) }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

let push: (message: Message) => void;
let receipt: (receipt: ReadReceipt) => void;
const history = [
  makeMessage({ text: 'Still room for a beginner?', createdAt: '2026-11-26T09:00:00.000Z' }),
  mine({ text: 'Yes, come along!', createdAt: '2026-11-26T09:01:00.000Z' }),
];

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getUnreadMessageCount).mockResolvedValue(1);
  vi.mocked(getChatContact).mockResolvedValue(
    makeChatContact({ conversation: makeConversation({ unreadCount: 1, lastMessage: history[1]! }) }),
  );
  vi.mocked(listMessages).mockResolvedValue({ items: [...history].reverse(), nextToken: 'older' });
  vi.mocked(markConversationRead).mockResolvedValue(makeConversation());
  vi.mocked(sendMessage).mockImplementation(async (to, text, clientId) =>
    mine({ recipientId: to, text, clientId, createdAt: '2026-11-26T09:05:00.000Z' }),
  );
  vi.mocked(subscribeToMessages).mockImplementation((_me, onMessage) => ((push = onMessage), () => {}));
  vi.mocked(subscribeToReadReceipts).mockImplementation((_me, onReceipt) => ((receipt = onReceipt), () => {}));
});
afterEach(() => {
  useMessagesStore().stop();
  useOutboxStore().stop();
  document.body.innerHTML = '';
});

async function openChat() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = makeSessionUser();
  const mounted = await mountWithApp(ConversationView, {
    path: `/messages/${BEN.id}`,
    pinia,
    props: { userId: BEN.id },
  });
  await flushPromises();
  return mounted.wrapper;
}

const texts = (wrapper: Awaited<ReturnType<typeof openChat>>) =>
  wrapper.findAll('li[data-key] .message-text').map((p) => p.text());

describe('ConversationView', () => {
  it('shows who it is with and our history, and marks it read on opening', async () => {
    const wrapper = await openChat();
    expect(wrapper.get('h1').text()).toBe(BEN.displayName);
    expect(wrapper.get('h1 a').attributes('href')).toBe(`/people/${BEN.id}`);
    expect(texts(wrapper)).toEqual(['Still room for a beginner?', 'Yes, come along!']);
    expect(listMessages).toHaveBeenCalledWith(`${ME}:${BEN.id}`, { limit: 30 });
    expect(markConversationRead).toHaveBeenCalledWith(`${ME}:${BEN.id}`);
    expect(wrapper.get('textarea').attributes('placeholder')).toBe('Write a message…');
  });

  it('shows a message at once as sending, then sent when the server answers', async () => {
    const answer = deferred<Message>();
    vi.mocked(sendMessage).mockReturnValueOnce(answer.promise);
    const wrapper = await openChat();
    await wrapper.get('textarea').setValue('On my way');
    await wrapper.get('form').trigger('submit');
    const last = () => wrapper.findAll('li[data-key]').at(-1)!;
    expect(last().text()).toContain('On my way');
    expect(last().get('.message__status').text()).toBe('Sending…');
    const clientId = vi.mocked(sendMessage).mock.calls[0]![2];
    answer.resolve(mine({ text: 'On my way', clientId, createdAt: '2026-11-26T09:05:00.000Z' }));
    await flushPromises();
    expect(texts(wrapper).filter((text) => text === 'On my way')).toHaveLength(1);
    expect(last().get('.message__status').text()).toBe('Sent');
  });

  it('keeps a refused message, says why, and sends it again with the same clientId on Retry', async () => {
    vi.mocked(sendMessage).mockRejectedValueOnce(
      new ApiError('Forbidden', 'This person is not accepting messages from you.', {
        code: 'message.blockedByRecipient',
      }),
    );
    const wrapper = await openChat();
    await wrapper.get('textarea').setValue('Hello?');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const refused = wrapper.findAll('li[data-key]').at(-1)!;
    expect(refused.text()).toContain('Not sent');
    expect(refused.text()).toContain('This person is not accepting messages from you.');
    const clientId = vi.mocked(sendMessage).mock.calls[0]![2];
    await refused
      .findAll('button')
      .find((b) => b.text() === 'Retry')!
      .trigger('click');
    await flushPromises();
    expect(sendMessage).toHaveBeenLastCalledWith(BEN.id, 'Hello?', clientId);
    expect(wrapper.findAll('li[data-key]').at(-1)!.get('.message__status').text()).toBe('Sent');
  });

  it('adds their messages live, marks them read, and shows Seen when they read mine', async () => {
    const wrapper = await openChat();
    expect(wrapper.findAll('li[data-key]').at(-1)!.get('.message__status').text()).toBe('Sent');
    receipt({ conversationId: `${ME}:${BEN.id}`, readerId: BEN.id, userId: ME, readAt: '2026-11-26T09:01:00.000Z' });
    await flushPromises();
    expect(wrapper.get('.message__status').text()).toBe('Seen');

    push(makeMessage({ text: 'Great, see you', createdAt: '2026-11-26T09:02:00.000Z' }));
    push(makeMessage({ text: 'From someone else', senderId: 'sub-carl' }));
    await flushPromises();
    expect(texts(wrapper)).toEqual(['Still room for a beginner?', 'Yes, come along!', 'Great, see you']);
    expect(markConversationRead).toHaveBeenCalledTimes(2);
    // Ben's messages are read here as they come; the badge is counted again from the server after each.
    expect(useMessagesStore().readingWith).toBe(BEN.id);
    expect(getUnreadMessageCount).toHaveBeenCalledTimes(3);
  });

  it('starts with no conversation; their first message makes one, read back and marked read', async () => {
    vi.mocked(getChatContact).mockResolvedValueOnce(makeChatContact({ conversation: null }));
    const wrapper = await openChat();
    expect(wrapper.text()).toContain('No messages yet. Say hello!');
    expect(listMessages).not.toHaveBeenCalled();
    const hello = makeMessage({ text: 'Hi Ann!', createdAt: '2026-11-26T09:30:00.000Z' });
    vi.mocked(getChatContact).mockResolvedValue(
      makeChatContact({ conversation: makeConversation({ unreadCount: 1, lastMessage: hello }) }),
    );
    vi.mocked(listMessages).mockResolvedValue({ items: [hello], nextToken: null });
    push(hello);
    await flushPromises();
    expect(texts(wrapper)).toEqual(['Hi Ann!']);
    expect(markConversationRead).toHaveBeenCalledWith(`${ME}:${BEN.id}`);
  });

  it('catches up after a re-sync: the missed messages once, in order', async () => {
    const wrapper = await openChat();
    const missed = makeMessage({ text: 'Missed while away', createdAt: '2026-11-26T09:03:00.000Z' });
    vi.mocked(listMessages).mockResolvedValue({ items: [missed, ...[...history].reverse()], nextToken: 'older' });
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(texts(wrapper)).toEqual(['Still room for a beginner?', 'Yes, come along!', 'Missed while away']);
  });

  it('blocks after asking, hides the composer and says how to undo it; unblocking brings it back', async () => {
    vi.mocked(blockUser).mockResolvedValue();
    vi.mocked(unblockUser).mockResolvedValue();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const wrapper = await openChat();
    const button = () => wrapper.findAll('button').find((b) => ['Block', 'Unblock'].includes(b.text()))!;
    await button().trigger('click');
    expect(blockUser).not.toHaveBeenCalled();
    await button().trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenLastCalledWith(
      'Block Ben Claes? They will no longer be able to message you or join your activities.',
    );
    expect(blockUser).toHaveBeenCalledWith(BEN.id);
    expect(wrapper.find('textarea').exists()).toBe(false);
    expect(wrapper.text()).toContain('You blocked Ben Claes. Unblock them to send messages again.');
    await button().trigger('click');
    await flushPromises();
    expect(unblockUser).toHaveBeenCalledWith(BEN.id);
    expect(wrapper.find('textarea').exists()).toBe(true);
  });

  it('says “not found” for someone of another university', async () => {
    vi.mocked(getChatContact).mockRejectedValue(
      new ApiError('NotFound', 'That person was not found.', { code: 'person.notFound' }),
    );
    const wrapper = await openChat();
    expect(wrapper.get('h1').text()).toBe('Person not found');
    expect(wrapper.find('textarea').exists()).toBe(false);
  });

  it('offline before anything loaded: the messages waiting for them still show, and more can be written', async () => {
    vi.mocked(getChatContact).mockRejectedValue(new ApiError('NetworkError', 'A network error has occurred.'));
    vi.mocked(sendMessage).mockRejectedValue(new ApiError('NetworkError', 'A network error has occurred.'));
    localStorage.setItem(
      `huddle.outbox.${ME}`,
      JSON.stringify([
        {
          clientId: 'c-1',
          recipientId: BEN.id,
          recipientName: BEN.displayName,
          text: 'Written on the train',
          createdAt: '2026-11-26T09:00:00.000Z',
          state: 'pending',
          failure: null,
        },
      ]),
    );
    const wrapper = await openChat();
    expect(wrapper.get('[role="alert"]').text()).toContain('This conversation could not be loaded.');
    expect(wrapper.get('h1').text()).toBe(BEN.displayName);
    expect(texts(wrapper)).toEqual(['Written on the train']);
    expect(wrapper.get('.message__status').text()).toBe('Sending…');
    expect(wrapper.find('textarea').exists()).toBe(true);
  });
});
