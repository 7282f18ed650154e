import type { ErrorInfo } from '@/api/errors';

/**
 * Messages written but not yet stored by the server, oldest first, per signed-in user. They live
 * in localStorage so a reload, a crash or a closed tab loses none of them; each keeps the clientId
 * it was given when written, so sending it again (after a lost answer, from another tab) can never
 * store it twice.
 */
export interface OutboxEntry {
  clientId: string;
  recipientId: string;
  /** Shown in the chat and the list while the server cannot be asked who that is. */
  recipientName: string;
  text: string;
  /** When it was written, on this device's clock. */
  createdAt: string;
  /** pending: waiting to be sent (or being sent); failed: the server refused it, or kept failing. */
  state: 'pending' | 'failed';
  /** Why it was not sent, as the ApiError said it. */
  failure: { errorType: string; message: string; info: ErrorInfo } | null;
}

export const outboxKey = (userId: string) => `huddle.outbox.${userId}`;

const isEntry = (value: unknown): value is OutboxEntry => {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.clientId === 'string' &&
    typeof entry.recipientId === 'string' &&
    typeof entry.recipientName === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.createdAt === 'string' &&
    (entry.state === 'pending' || entry.state === 'failed')
  );
};

/**
 * The stored outbox, or null when storage cannot be read (blocked in private mode). Entries that
 * cannot be read are dropped rather than blocking the rest.
 */
export function readOutbox(userId: string): OutboxEntry[] | null {
  let stored: string | null;
  try {
    stored = localStorage.getItem(outboxKey(userId));
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(isEntry).map((entry) => ({ ...entry, failure: entry.failure ?? null }))
      : [];
  } catch {
    return [];
  }
}

/**
 * Changes the outbox by reading the stored one, applying `change` and writing it back at once, so
 * two tabs of one user never overwrite each other's newer entries with an old list. Without
 * storage, `inMemory` (this tab's copy) is changed instead: this tab still sends them.
 */
export function updateOutbox(
  userId: string,
  inMemory: OutboxEntry[],
  change: (entries: OutboxEntry[]) => OutboxEntry[],
): OutboxEntry[] {
  const next = change(readOutbox(userId) ?? inMemory);
  try {
    if (next.length) localStorage.setItem(outboxKey(userId), JSON.stringify(next));
    else localStorage.removeItem(outboxKey(userId));
  } catch {
    // Storage full or blocked: the entries stay in this tab's memory, which still sends them.
  }
  return next;
}
