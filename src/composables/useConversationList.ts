import { computed, nextTick, onScopeDispose, ref } from 'vue';
import { listConversations, type Conversation, type Message } from '@/api/messages';
import { useMessagesStore } from '@/stores/messages';
import { useOutboxStore } from '@/stores/outbox';
import { useCursorPages } from './useCursorPages';

export const PAGE_SIZE = 20;

const newestFirst = (a: Conversation, b: Conversation) =>
  b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id);

/**
 * The conversation list: pages of my conversations, newest first, kept live — a message to me or
 * from me moves its conversation to the top with its new preview (and, to me, one more unread);
 * one not on the list yet brings the first page again, as does a re-sync after a dropped connection.
 * Each row also says whether messages to that person are still in my outbox.
 */
export function useConversationList() {
  const store = useMessagesStore();
  const outbox = useOutboxStore();
  const list = useCursorPages<Conversation>();
  /** Who the last message that arrived live is from, for the page to say so politely. */
  const arrivedFrom = ref<string | null>(null);
  let refreshing = false;

  // Later pages skip conversations already shown: one that moved to the top meanwhile is not listed twice.
  const fetchPage = async (nextToken: string | null) => {
    const page = await listConversations({ limit: PAGE_SIZE, nextToken });
    if (!nextToken) return page;
    const known = new Set(list.items.value.map((c) => c.id));
    return { ...page, items: page.items.filter((c) => !known.has(c.id)) };
  };

  const load = () => list.start(fetchPage);

  /** The first page again, quietly; rows further down stay unless none of the first page was known. */
  async function refresh(): Promise<void> {
    if (list.loading.value || refreshing) return;
    if (list.error.value) return load();
    refreshing = true;
    try {
      const page = await listConversations({ limit: PAGE_SIZE });
      const fresh = new Map(page.items.map((c) => [c.id, c]));
      const kept = list.items.value.filter((c) => !fresh.has(c.id));
      if (page.nextToken && kept.length === list.items.value.length) {
        list.items.value = page.items; // all moved on: start again from the top, leaving no gap
        list.nextToken.value = page.nextToken;
      } else {
        list.items.value = [...page.items, ...kept].sort(newestFirst);
      }
    } catch {
      // The list stays as it is; the next re-sync tries again.
    } finally {
      refreshing = false;
    }
  }

  function moveToTop(message: Message, toMe: boolean): void {
    const current = list.items.value.find((c) => c.id === message.conversationId);
    if (!current) return void refresh();
    if (current.lastMessage && current.lastMessage.createdAt > message.createdAt) return; // an older copy
    const updated: Conversation = {
      ...current,
      lastMessage: message,
      updatedAt: message.createdAt,
      unreadCount: toMe ? current.unreadCount + 1 : current.unreadCount,
    };
    list.items.value = [updated, ...list.items.value.filter((c) => c.id !== current.id)];
    if (toMe) void announce(current.otherUser.displayName);
  }

  async function announce(name: string): Promise<void> {
    // Emptied first, so two messages in a row from one person are both read out.
    arrivedFrom.value = null;
    await nextTick();
    arrivedFrom.value = name;
  }

  /** Per person: 'failed' if a message to them was not sent, 'sending' while one waits, else nothing. */
  const outboxState = computed(() => {
    const states = new Map<string, 'sending' | 'failed'>();
    for (const entry of outbox.entries) {
      if (entry.state === 'failed') states.set(entry.recipientId, 'failed');
      else if (!states.has(entry.recipientId)) states.set(entry.recipientId, 'sending');
    }
    return states;
  });

  store.start();
  const stops = [
    store.onArrival((message) => moveToTop(message, true)),
    outbox.onDelivered((message) => moveToTop(message, false)),
    store.onResync(() => void refresh()),
  ];
  onScopeDispose(() => stops.forEach((stop) => stop()));

  return { ...list, outboxState, arrivedFrom, load, refresh };
}
