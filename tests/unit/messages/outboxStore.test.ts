import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { sendMessage } from '@/api/messages';
import { outboxKey, readOutbox } from '@/messages/outbox';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from '../fixtures';
import { BEN, ME, mine } from './fixtures';

vi.mock('@/api/messages', () => ({ sendMessage: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

const offline = () => new ApiError('NetworkError', 'A network error has occurred.');
const blocked = () =>
  new ApiError('Forbidden', 'This person is not accepting messages from you.', { code: 'message.blockedByRecipient' });

/** A started outbox for Ann, as a fresh page load would have it (a new Pinia, the same storage). */
function startOutbox() {
  setActivePinia(createPinia());
  useSessionStore().user = makeSessionUser();
  const outbox = useOutboxStore();
  outbox.start();
  return outbox;
}

/** What the server answers: the message, as sendMessage would store it. */
const stored = (recipientId: string, text: string, clientId: string) =>
  mine({ recipientId, text, clientId, createdAt: new Date().toISOString() });

let online = true;
beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  vi.mocked(sendMessage).mockImplementation(async (to, text, clientId) => stored(to, text, clientId));
});
afterEach(() => {
  useOutboxStore().stop();
  vi.useRealTimers();
});

describe('the outbox', () => {
  it('keeps a message in storage until the server stored it, and tells who listens', async () => {
    const outbox = startOutbox();
    const delivered = vi.fn();
    outbox.onDelivered(delivered);
    const entry = outbox.send(BEN, 'Still room for a beginner?');
    expect(readOutbox(ME)).toEqual([entry]);
    expect(entry).toMatchObject({ recipientId: BEN.id, recipientName: BEN.displayName, state: 'pending' });
    await flushPromises();
    expect(sendMessage).toHaveBeenCalledWith(BEN.id, 'Still room for a beginner?', entry.clientId);
    expect(delivered).toHaveBeenCalledWith(expect.objectContaining({ clientId: entry.clientId }), entry);
    expect(outbox.entries).toEqual([]);
    expect(localStorage.getItem(outboxKey(ME))).toBeNull();
  });

  it('sends in the order written, one at a time', async () => {
    const outbox = startOutbox();
    const order: string[] = [];
    let release!: () => void;
    vi.mocked(sendMessage).mockImplementation(async (to, text, clientId) => {
      order.push(text);
      if (text === 'first') await new Promise<void>((resolve) => (release = resolve));
      return stored(to, text, clientId);
    });
    outbox.send(BEN, 'first');
    outbox.send(BEN, 'second');
    await flushPromises();
    expect(order).toEqual(['first']); // the second waits for the first's answer
    release();
    await flushPromises();
    expect(order).toEqual(['first', 'second']);
    expect(outbox.entries).toEqual([]);
  });

  it('waits offline, survives a reload, and sends everything in order once back online — with the same clientIds', async () => {
    online = false;
    vi.mocked(sendMessage).mockRejectedValue(offline());
    let outbox = startOutbox();
    const first = outbox.send(BEN, 'one');
    const second = outbox.send(BEN, 'two');
    await flushPromises();
    expect(outbox.entries.map((e) => [e.text, e.state])).toEqual([
      ['one', 'pending'],
      ['two', 'pending'],
    ]);
    // Nothing overtakes the first: each try went to it.
    expect(vi.mocked(sendMessage).mock.calls.every(([, text]) => text === 'one')).toBe(true);

    outbox.stop();
    outbox = startOutbox(); // a reload, still offline
    await flushPromises();
    expect(outbox.entries.map((e) => e.clientId)).toEqual([first.clientId, second.clientId]);

    online = true;
    vi.mocked(sendMessage)
      .mockReset()
      .mockImplementation(async (to, text, clientId) => stored(to, text, clientId));
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(vi.mocked(sendMessage).mock.calls).toEqual([
      [BEN.id, 'one', first.clientId],
      [BEN.id, 'two', second.clientId],
    ]);
    expect(outbox.entries).toEqual([]);
  });

  it('marks a refused message not sent with the reason, sends the next, and retries or deletes on request', async () => {
    const outbox = startOutbox();
    vi.mocked(sendMessage).mockRejectedValueOnce(blocked());
    const refused = outbox.send(BEN, 'Are you there?');
    outbox.send(BEN, 'Hello?');
    await flushPromises();
    expect(outbox.entries).toEqual([
      expect.objectContaining({
        clientId: refused.clientId,
        state: 'failed',
        failure: expect.objectContaining({ errorType: 'Forbidden', info: { code: 'message.blockedByRecipient' } }),
      }),
    ]);
    expect(sendMessage).toHaveBeenLastCalledWith(BEN.id, 'Hello?', expect.any(String));

    outbox.retry(refused.clientId);
    expect(outbox.entries[0]).toMatchObject({ state: 'pending', failure: null });
    await flushPromises();
    expect(sendMessage).toHaveBeenLastCalledWith(BEN.id, 'Are you there?', refused.clientId);
    expect(outbox.entries).toEqual([]);

    vi.mocked(sendMessage).mockRejectedValueOnce(blocked());
    const again = outbox.send(BEN, 'Last try');
    await flushPromises();
    outbox.discard(again.clientId);
    expect(outbox.entries).toEqual([]);
    expect(readOutbox(ME)).toEqual([]);
  });

  it('shows a message refused by the limit on messages as not sent at once, saying from when it may go', async () => {
    const outbox = startOutbox();
    const limited = new ApiError('RateLimited', 'You have sent 30 messages in the last minute.', {
      code: 'rateLimit.messagesPerMinute',
      max: 30,
      retryAt: '2026-03-01T10:01:00.000Z',
      retryAfterSeconds: 42,
    });
    vi.mocked(sendMessage).mockRejectedValueOnce(limited);
    const refused = outbox.send(BEN, 'One more');
    await flushPromises();
    expect(sendMessage).toHaveBeenCalledTimes(1); // not tried again behind the user's back
    expect(outbox.entries).toEqual([
      expect.objectContaining({
        clientId: refused.clientId,
        state: 'failed',
        failure: expect.objectContaining({ errorType: 'RateLimited', info: limited.info }),
      }),
    ]);
    const { failureMessage } = await import('@/messages/failure');
    const { shownMessageText } = await import('@/i18n/serverError');
    const { t } = await import('@/i18n');
    expect(shownMessageText(failureMessage(outbox.entries[0]!.failure!, 'Europe/Brussels'), t)).toMatch(
      /^You've sent 30 messages in the last minute\. You can send the next one from .*11:01.*\.$/,
    );
  });

  it('tries again after a growing pause when the server fails while online, and shows it not sent after five tries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.mocked(sendMessage).mockRejectedValue(new ApiError('InternalFailure', 'Something went wrong.'));
    const outbox = startOutbox();
    outbox.send(BEN, 'flaky');
    await flushPromises();
    expect(sendMessage).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4_000 + 8_000 + 16_000);
    expect(sendMessage).toHaveBeenCalledTimes(5);
    expect(outbox.entries[0]).toMatchObject({ state: 'failed', failure: { errorType: 'InternalFailure' } });
  });

  it('follows another tab of the same user through storage events, and keeps each user’s outbox apart', async () => {
    online = false;
    vi.mocked(sendMessage).mockRejectedValue(offline());
    const outbox = startOutbox();
    outbox.send(BEN, 'from this tab');
    await flushPromises();
    const otherTab = [...readOutbox(ME)!, { ...outbox.entries[0]!, clientId: 'other-tab', text: 'from the other tab' }];
    localStorage.setItem(outboxKey(ME), JSON.stringify(otherTab));
    window.dispatchEvent(new StorageEvent('storage', { key: outboxKey(ME) }));
    expect(outbox.entries.map((e) => e.text)).toEqual(['from this tab', 'from the other tab']);

    useSessionStore().user = makeSessionUser({ sub: 'sub-carl' });
    await flushPromises();
    expect(outbox.entries).toEqual([]);
    expect(readOutbox(ME)).toHaveLength(2); // kept for Ann's next sign-in
  });
});
