import { ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { listMessages, type Message } from '@/api/messages';
import { mergeMessages } from '@/messages/timeline';

export const HISTORY_PAGE = 30;
/** Pages read back when catching up before giving up on finding a known message (then: start afresh). */
export const CATCH_UP_PAGES = 10;

/**
 * One conversation's history, oldest first: its newest page, older pages on request, and catching
 * up after a drop — newest pages are read until one holds a message already shown, so nothing in
 * between is skipped and nothing shows twice. Live messages are merged in by id.
 */
export function useChatHistory() {
  const messages = ref<Message[]>([]);
  const olderToken = ref<string | null>(null);
  const loadingOlder = ref(false);
  const olderError = ref<ApiError | null>(null);
  let conversationId: string | null = null;
  /** Bumped by every reset: answers about an earlier conversation are dropped. */
  let generation = 0;

  function reset(id: string | null): void {
    generation += 1;
    conversationId = id;
    messages.value = [];
    olderToken.value = null;
    loadingOlder.value = false;
    olderError.value = null;
  }

  /** The newest page; throws an ApiError. */
  async function loadNewest(id: string): Promise<void> {
    reset(id);
    const mine = generation;
    const page = await listMessages(id, { limit: HISTORY_PAGE });
    if (mine !== generation) return;
    messages.value = mergeMessages([], page.items);
    olderToken.value = page.nextToken;
  }

  /** The next older page; resolves to how many messages it added (0 on failure: see olderError). */
  async function loadOlder(): Promise<number> {
    if (!conversationId || !olderToken.value || loadingOlder.value) return 0;
    const mine = generation;
    loadingOlder.value = true;
    olderError.value = null;
    try {
      const page = await listMessages(conversationId, { limit: HISTORY_PAGE, nextToken: olderToken.value });
      if (mine !== generation) return 0;
      const before = messages.value.length;
      messages.value = mergeMessages(messages.value, page.items);
      olderToken.value = page.nextToken;
      return messages.value.length - before;
    } catch (reason) {
      if (mine === generation) olderError.value = toApiError(reason);
      return 0;
    } finally {
      if (mine === generation) loadingOlder.value = false;
    }
  }

  /** What was missed since the newest message shown; quietly keeps what is there on failure. */
  async function catchUp(): Promise<void> {
    if (!conversationId) return;
    if (!messages.value.length) return loadNewest(conversationId).catch(() => undefined);
    const mine = generation;
    const known = new Set(messages.value.map((m) => m.id));
    const fetched: Message[] = [];
    let token: string | null = null;
    try {
      for (let page = 0; page < CATCH_UP_PAGES; page += 1) {
        const answer = await listMessages(conversationId, { limit: HISTORY_PAGE, nextToken: token });
        if (mine !== generation) return;
        fetched.push(...answer.items);
        token = answer.nextToken;
        if (!token || answer.items.some((m) => known.has(m.id))) {
          messages.value = mergeMessages(messages.value, fetched);
          return;
        }
      }
      // Far too much missed to join up: show the newest pages alone, older ones on scrolling up.
      messages.value = mergeMessages([], fetched);
      olderToken.value = token;
    } catch {
      // Kept as it is; the next re-sync tries again.
    }
  }

  /** A message of this chat that arrived live or was just sent (the first one starts the conversation). */
  function add(message: Message): void {
    conversationId ??= message.conversationId;
    if (message.conversationId === conversationId) messages.value = mergeMessages(messages.value, [message]);
  }

  return { messages, olderToken, loadingOlder, olderError, reset, loadNewest, loadOlder, catchUp, add };
}
