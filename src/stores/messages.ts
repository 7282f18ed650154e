import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { onReconnected } from '@/api/connection';
import {
  getUnreadMessageCount,
  markConversationRead,
  subscribeToMessages,
  subscribeToReadReceipts,
  type Conversation,
  type Message,
  type ReadReceipt,
} from '@/api/messages';
import { whenBackInView } from '@/composables/whenBackInView';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';

/** After a subscription error: 2 s, 4 s, 8 s… never longer than a minute between tries. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 60_000;
/** Enough ids to recognise a redelivery, without growing for as long as the tab stays open. */
export const SEEN_IDS_MAX = 500;

type Listener<T> = (value: T) => void;

/**
 * Messages across the signed-in session: the unread total (the header's badge), the live
 * subscriptions to my messages and my read receipts, and catching up after they may have missed
 * something. It owns both subscriptions (opened once started, closed with their timers and window
 * listeners when the user changes or signs out) and starts the outbox, so messages written offline
 * go out from any page. Screens hear arrivals, receipts and re-syncs through its listeners.
 */
export const useMessagesStore = defineStore('messages', () => {
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const unreadTotal = ref(0);
  const started = ref(false);
  /** The person whose chat is open and visible: their messages are read as they arrive. */
  const readingWith = ref<string | null>(null);
  const arrivalListeners = new Set<Listener<Message>>();
  const receiptListeners = new Set<Listener<ReadReceipt>>();
  const resyncListeners = new Set<Listener<void>>();
  const seenIds = new Set<string>();

  let userId: string | null = null;
  let closeSubscriptions: (() => void) | null = null;
  let stopReconnected: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let stopWatchingView: (() => void) | null = null;
  let failures = 0;
  let openings = 0;

  async function refreshCount(): Promise<void> {
    const askedFor = userId;
    try {
      const count = await getUnreadMessageCount();
      if (askedFor === userId) unreadTotal.value = count;
    } catch {
      // The badge stays as it was; the next arrival, focus or reconnect corrects it.
    }
  }

  function receive(message: Message): void {
    failures = 0; // the subscription works
    if (seenIds.has(message.id)) return;
    seenIds.add(message.id);
    if (seenIds.size > SEEN_IDS_MAX) seenIds.delete(seenIds.values().next().value!);
    const beingRead = readingWith.value === message.senderId && document.visibilityState === 'visible';
    if (!beingRead) unreadTotal.value += 1;
    for (const listener of arrivalListeners) listener(message);
  }

  function receiveReceipt(receipt: ReadReceipt): void {
    failures = 0;
    for (const listener of receiptListeners) listener(receipt);
  }

  function open(sub: string): void {
    const attempt = ++openings;
    let failed = false;
    const onError = () => {
      if (attempt !== openings || failed) return; // an earlier pair, already replaced, or told already
      failed = true;
      closeSubscriptions?.();
      closeSubscriptions = null;
      scheduleRetry(sub);
    };
    const stops = [subscribeToMessages(sub, receive, onError), subscribeToReadReceipts(sub, receiveReceipt, onError)];
    const close = () => stops.forEach((stop) => stop());
    // An error raised before the subscribe calls returned finds nothing to close yet: close them here.
    if (failed) close();
    else closeSubscriptions = close;
  }

  function scheduleRetry(sub: string): void {
    if (retryTimer || userId !== sub) return;
    const delay = Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS);
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (userId !== sub) return;
      open(sub);
      resync();
    }, delay);
  }

  /** Whatever was sent while the connection was down is not replayed: count again, and tell the screens. */
  function resync(): void {
    if (!userId) return;
    void refreshCount();
    void outbox.flush();
    for (const listener of resyncListeners) listener();
  }

  /** Back in view (focus, visible tab, network back): listen again at once if waiting to, and catch up. */
  function onBackInView(): void {
    if (!userId) return;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
      open(userId);
    }
    resync();
  }

  function begin(sub: string): void {
    userId = sub;
    outbox.start();
    void refreshCount();
    open(sub);
    stopReconnected = onReconnected(resync);
    stopWatchingView = whenBackInView(onBackInView);
  }

  function end(): void {
    userId = null;
    closeSubscriptions?.();
    closeSubscriptions = null;
    stopReconnected?.();
    stopReconnected = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    failures = 0;
    stopWatchingView?.();
    stopWatchingView = null;
    unreadTotal.value = 0;
    readingWith.value = null;
    seenIds.clear();
  }

  watch(
    [started, () => session.user?.sub ?? null],
    ([isStarted, sub]) => {
      if (isStarted && sub === userId) return;
      end();
      if (isStarted && sub) begin(sub);
    },
    // At once, not at the next tick: a message written right after start() must find its outbox.
    { immediate: true, flush: 'sync' },
  );

  const subscribe =
    <T>(listeners: Set<Listener<T>>) =>
    (listener: Listener<T>): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };

  /** Marks a conversation read up to its last message; the badge is counted again. Throws an ApiError. */
  async function markRead(conversationId: string): Promise<Conversation> {
    const conversation = await markConversationRead(conversationId);
    await refreshCount();
    return conversation;
  }

  return {
    unreadTotal,
    readingWith,
    /** Idempotent: the header's badge calls it on every mount. */
    start: () => void (started.value = true),
    stop: () => void (started.value = false),
    markRead,
    refreshCount,
    /** Each message sent to me, live (once, even if redelivered). */
    onArrival: subscribe(arrivalListeners),
    /** Each read receipt for my messages, live. */
    onReceipt: subscribe(receiptListeners),
    /** After the live connection may have missed something: re-read what the screen shows. */
    onResync: subscribe(resyncListeners),
  };
});
