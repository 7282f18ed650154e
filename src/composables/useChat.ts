import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { blockUser, getChatContact, unblockUser, type ChatContact, type Message } from '@/api/messages';
import { loadAreas } from '@/i18n';
import { buildTimeline } from '@/messages/timeline';
import { useMessagesStore } from '@/stores/messages';
import { useOutboxStore } from '@/stores/outbox';
import { useSessionStore } from '@/stores/session';
import { useUniversityStore } from '@/stores/university';
import { useChatHistory } from './useChatHistory';

const later = (a: string | null, b: string) => (a && Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The chat with one person (ConversationView): who they are, our history with older pages, my
 * outbox messages to them, read receipts, and live changes — new messages, "Seen", and a catch-up
 * after any drop (the messages store says when). While the chat is open in a visible tab, what
 * arrives is marked read. Sending goes through the outbox, so nothing typed is lost offline.
 */
export function useChat(userId: Ref<string>) {
  const session = useSessionStore();
  const store = useMessagesStore();
  const outbox = useOutboxStore();
  const university = useUniversityStore();
  const history = useChatHistory();
  const contact = ref<ChatContact | null>(null);
  const otherReadAt = ref<string | null>(null);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const blockPending = ref(false);
  const blockError = ref<ApiError | null>(null);
  /** Whether the refusals' sentences (the serverErrors area) are here: fetched once a message is refused. */
  const refusalsReady = ref(false);
  /** Messages from them not yet marked read here. */
  let unread = 0;
  let generation = 0;

  const me = computed(() => session.user?.sub ?? '');
  const notFound = computed(() => loadError.value?.errorType === 'NotFound');
  const conversationId = computed(() => contact.value?.conversation?.id ?? null);
  const pending = computed(() => outbox.entries.filter((entry) => entry.recipientId === userId.value));
  /** Their name: from the server, or (offline, before it answered) from a message waiting for them. */
  const name = computed(() => contact.value?.person.displayName ?? pending.value[0]?.recipientName ?? null);
  const timeline = computed(() =>
    buildTimeline({
      messages: history.messages.value,
      outbox: pending.value,
      me: me.value,
      otherReadAt: otherReadAt.value,
      timeZone: university.timeZone,
    }),
  );

  async function readContact(): Promise<void> {
    const mine = generation;
    const fresh = await getChatContact(userId.value);
    if (mine !== generation) return;
    contact.value = fresh;
    loadError.value = null;
    const conversation = fresh.conversation;
    if (conversation?.otherReadAt) otherReadAt.value = later(otherReadAt.value, conversation.otherReadAt);
    if (conversation) unread = Math.max(unread, conversation.unreadCount);
  }

  async function load(): Promise<void> {
    const mine = generation;
    loading.value = true;
    loadError.value = null;
    try {
      await Promise.all([readContact(), university.ensureLoaded().catch(() => undefined)]);
      if (mine === generation && conversationId.value) await history.loadNewest(conversationId.value);
      if (mine === generation) void markReadIfSeen();
    } catch (reason) {
      if (mine === generation) loadError.value = toApiError(reason);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** After a possible gap: who they are (blocked, Seen) and the messages missed. */
  async function catchUp(): Promise<void> {
    if (loading.value) return;
    if (loadError.value || !contact.value) return load();
    try {
      const had = conversationId.value;
      await readContact();
      if (!had && conversationId.value) await history.loadNewest(conversationId.value);
      else await history.catchUp();
      void markReadIfSeen();
    } catch {
      // Kept as shown; the next re-sync tries again.
    }
  }

  async function markReadIfSeen(): Promise<void> {
    const id = conversationId.value;
    if (!id || unread === 0 || document.visibilityState !== 'visible') return;
    unread = 0;
    try {
      await store.markRead(id);
    } catch {
      unread += 1; // tried again on the next arrival or re-sync
    }
  }

  /** A message to me, live: only theirs concern this chat. */
  function onArrival(message: Message): void {
    if (message.senderId !== userId.value) return;
    history.add(message);
    // Writing to me means they have seen everything before it.
    otherReadAt.value = later(otherReadAt.value, message.createdAt);
    unread += 1;
    // Their first message made the conversation: read it back (and mark it read) once it exists here.
    if (!contact.value?.conversation) void catchUp();
    else void markReadIfSeen();
  }

  function start(): void {
    generation += 1;
    contact.value = null;
    otherReadAt.value = null;
    unread = 0;
    blockError.value = null;
    history.reset(null);
    store.readingWith = userId.value;
    void load();
  }

  async function setBlocked(blocked: boolean): Promise<boolean> {
    blockPending.value = true;
    blockError.value = null;
    try {
      await (blocked ? blockUser(userId.value) : unblockUser(userId.value));
      if (contact.value) contact.value = { ...contact.value, blocked };
      return true;
    } catch (reason) {
      blockError.value = toApiError(reason);
      return false;
    } finally {
      blockPending.value = false;
    }
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'visible') void markReadIfSeen();
  }

  store.start();
  const stops = [
    store.onArrival(onArrival),
    store.onReceipt((receipt) => {
      if (receipt.readerId === userId.value) otherReadAt.value = later(otherReadAt.value, receipt.readAt);
    }),
    store.onResync(() => void catchUp()),
    outbox.onDelivered((message) => {
      if (message.recipientId !== userId.value) return;
      history.add(message);
      if (!contact.value?.conversation) void catchUp(); // the first message made the conversation
    }),
  ];
  document.addEventListener('visibilitychange', onVisibilityChange);
  watch(userId, start, { immediate: true });
  // Most chats never show a refusal: its sentences come only when a message here was refused.
  watch(
    () => pending.value.some((entry) => entry.failure),
    async (refused) => {
      if (!refused || refusalsReady.value) return;
      await loadAreas(['serverErrors']).catch(() => undefined); // without them, the server's own words show
      refusalsReady.value = true;
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    generation += 1;
    stops.forEach((stop) => stop());
    document.removeEventListener('visibilitychange', onVisibilityChange);
    if (store.readingWith === userId.value) store.readingWith = null;
  });

  return {
    contact,
    name,
    loading,
    loadError,
    notFound,
    timeline,
    olderToken: history.olderToken,
    loadingOlder: history.loadingOlder,
    olderError: history.olderError,
    blockPending,
    blockError,
    refusalsReady,
    load,
    loadOlder: history.loadOlder,
    send: (text: string) =>
      outbox.send({ id: userId.value, displayName: contact.value?.person.displayName ?? name.value ?? '' }, text),
    retry: outbox.retry,
    discard: outbox.discard,
    block: () => setBlocked(true),
    unblock: () => setBlocked(false),
  };
}
