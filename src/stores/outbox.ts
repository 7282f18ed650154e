import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { sendMessage, type Message } from '@/api/messages';
import { newClientId } from '@/messages/clientId';
import { outboxKey, readOutbox, updateOutbox, type OutboxEntry } from '@/messages/outbox';
import { useSessionStore } from './session';

/** After a failure that may pass (no network, a server hiccup): 2 s, 4 s, 8 s… at most a minute. */
export const FIRST_RETRY_MS = 2_000;
export const MAX_RETRY_MS = 60_000;
/** Failures in a row while online before a message is shown as not sent (with Retry). */
export const MAX_ATTEMPTS_ONLINE = 5;

type DeliveredListener = (message: Message, entry: OutboxEntry) => void;

/**
 * Refusals that sending again soon cannot change (blocked, too long, another university, a limit on
 * messages reached): shown as not sent at once, with the reason (for a limit, from when it may go).
 */
function isRefusal(error: ApiError): boolean {
  if (error.info.code === 'message.inFlight') return false; // another attempt with this clientId is still running
  return ['ValidationError', 'NotFound', 'Forbidden', 'Conflict', 'RateLimited'].includes(error.errorType);
}

/**
 * The signed-in user's outbox: every message written goes in first (stored, so a reload keeps it)
 * and is sent from there, one at a time in the order written. A failure that may pass (offline, a
 * dropped connection, a server error) stops the queue — nothing overtakes an earlier message — and
 * it is tried again with a growing pause, at once when the browser is back online, and after the
 * live connection came back. A refusal marks that message "not sent" (Retry, Delete) and the rest
 * go on. The clientId makes every repeat safe: the server answers a known one with the stored message.
 */
export const useOutboxStore = defineStore('outbox', () => {
  const session = useSessionStore();
  const entries = ref<OutboxEntry[]>([]);
  const started = ref(false);
  const deliveredListeners = new Set<DeliveredListener>();
  const attempts = new Map<string, number>();
  let userId: string | null = null;
  let flushing: Promise<void> | null = null;
  let flushAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = FIRST_RETRY_MS;

  function change(update: (list: OutboxEntry[]) => OutboxEntry[]): void {
    if (userId) entries.value = updateOutbox(userId, entries.value, update);
  }

  /** Puts a message in the outbox and starts sending; returns its entry (its clientId names it). */
  function send(recipient: { id: string; displayName: string }, text: string): OutboxEntry {
    const entry: OutboxEntry = {
      clientId: newClientId(),
      recipientId: recipient.id,
      recipientName: recipient.displayName,
      text,
      createdAt: new Date().toISOString(),
      state: 'pending',
      failure: null,
    };
    change((list) => [...list, entry]);
    void flush();
    return entry;
  }

  function retry(clientId: string): void {
    attempts.delete(clientId);
    change((list) => list.map((e) => (e.clientId === clientId ? { ...e, state: 'pending', failure: null } : e)));
    retryDelay = FIRST_RETRY_MS;
    void flush();
  }

  /** Deletes a message that was not sent. One being sent right now may still arrive: it then shows as sent. */
  function discard(clientId: string): void {
    attempts.delete(clientId);
    change((list) => list.filter((e) => e.clientId !== clientId));
  }

  function markFailed(entry: OutboxEntry, error: ApiError): void {
    const failure = { errorType: error.errorType, message: error.message, info: error.info };
    change((list) => list.map((e) => (e.clientId === entry.clientId ? { ...e, state: 'failed', failure } : e)));
  }

  /** Sends what is pending, in order. Asked again while it runs, it runs once more afterwards. */
  function flush(): Promise<void> {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        flushAgain = false;
        await sendPending();
      } while (flushAgain);
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  async function sendPending(): Promise<void> {
    const sub = userId;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    while (sub && userId === sub) {
      // Read afresh each time: another tab may have sent or deleted some meanwhile.
      entries.value = readOutbox(sub) ?? entries.value;
      const next = entries.value.find((entry) => entry.state === 'pending');
      if (!next) return;
      try {
        const message = await sendMessage(next.recipientId, next.text, next.clientId);
        if (userId !== sub) return;
        attempts.delete(next.clientId);
        retryDelay = FIRST_RETRY_MS;
        change((list) => list.filter((entry) => entry.clientId !== next.clientId));
        for (const listener of deliveredListeners) listener(message, next);
      } catch (reason) {
        if (userId !== sub) return;
        const error = toApiError(reason);
        if (isRefusal(error)) {
          markFailed(next, error);
          continue;
        }
        // Offline attempts do not count: the message simply waits for the network.
        const tries = navigator.onLine ? (attempts.get(next.clientId) ?? 0) + 1 : 0;
        attempts.set(next.clientId, tries);
        if (tries >= MAX_ATTEMPTS_ONLINE) {
          markFailed(next, error);
          continue;
        }
        scheduleRetry();
        return;
      }
    }
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  }

  function onOnline(): void {
    retryDelay = FIRST_RETRY_MS;
    void flush();
  }

  /** Another tab of this user changed the outbox: show what it holds now. */
  function onStorage(event: StorageEvent): void {
    if (userId && event.key === outboxKey(userId)) entries.value = readOutbox(userId) ?? entries.value;
  }

  function begin(sub: string): void {
    userId = sub;
    entries.value = readOutbox(sub) ?? [];
    window.addEventListener('online', onOnline);
    window.addEventListener('storage', onStorage);
    void flush();
  }

  function end(): void {
    userId = null;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    retryDelay = FIRST_RETRY_MS;
    attempts.clear();
    entries.value = [];
    window.removeEventListener('online', onOnline);
    window.removeEventListener('storage', onStorage);
  }

  // Each user's outbox stays in their storage when they sign out, and goes out at their next sign-in.
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

  /** Calls `listener` with each message the server stored from this outbox; returns the function that stops it. */
  function onDelivered(listener: DeliveredListener): () => void {
    deliveredListeners.add(listener);
    return () => deliveredListeners.delete(listener);
  }

  return {
    entries,
    send,
    retry,
    discard,
    flush,
    onDelivered,
    start: () => void (started.value = true),
    stop: () => void (started.value = false),
  };
});
