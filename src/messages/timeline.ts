import type { Message } from '@/api/messages';
import { toLocalInputValue } from '@/i18n/format';
import type { OutboxEntry } from './outbox';

/** Consecutive messages of one sender closer together than this share one name and time. */
export const GROUP_WITHIN_MS = 5 * 60_000;

export type DeliveryStatus = 'sending' | 'failed' | 'sent' | 'seen';

export interface TimelineItem {
  /** The server id, or the clientId while it is only in the outbox. */
  key: string;
  mine: boolean;
  text: string;
  at: string;
  /** The first of its group: the sender's name and the time are shown above it. */
  startsGroup: boolean;
  /** Under my messages in flight or refused, and my last stored one (sent or seen); null elsewhere. */
  status: DeliveryStatus | null;
  /** Set while the message is only in the outbox. */
  pending: OutboxEntry | null;
}

export interface TimelineDay {
  /** The calendar day in the university's zone, YYYY-MM-DD. */
  day: string;
  items: TimelineItem[];
}

const seenBy = (otherReadAt: string | null, message: Message) =>
  otherReadAt !== null && Date.parse(otherReadAt) >= Date.parse(message.createdAt);

const byTime = (a: Message, b: Message) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Known and newly fetched or arrived messages: each once (by id), oldest first. */
export function mergeMessages(known: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(known.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(byTime);
}

/**
 * The chat as it is drawn: days, and in each the messages oldest first with their groups, then my
 * outbox entries for this person (written after everything stored, in the order written). A message
 * the server stored and the outbox still holds (its answer and the live copy raced) shows once.
 */
export function buildTimeline(input: {
  messages: readonly Message[];
  outbox: readonly OutboxEntry[];
  me: string;
  otherReadAt: string | null;
  timeZone: string;
}): TimelineDay[] {
  const stored = [...input.messages].sort(byTime);
  const storedIds = new Set(stored.filter((m) => m.senderId === input.me).map((m) => m.clientId));
  const lastMine = [...stored].reverse().find((m) => m.senderId === input.me);
  const items: TimelineItem[] = stored.map((message) => ({
    key: message.id,
    mine: message.senderId === input.me,
    text: message.text,
    at: message.createdAt,
    startsGroup: true,
    status: message === lastMine ? (seenBy(input.otherReadAt, message) ? 'seen' : 'sent') : null,
    pending: null,
  }));
  // Outbox entries come after everything stored, even if this device's clock is behind the server's.
  const lastStoredAt = stored.at(-1)?.createdAt ?? '';
  for (const entry of input.outbox) {
    if (storedIds.has(entry.clientId)) continue;
    items.push({
      key: entry.clientId,
      mine: true,
      text: entry.text,
      at: entry.createdAt > lastStoredAt ? entry.createdAt : lastStoredAt,
      startsGroup: true,
      status: entry.state === 'failed' ? 'failed' : 'sending',
      pending: entry,
    });
  }

  const days: TimelineDay[] = [];
  let previous: TimelineItem | null = null;
  for (const item of items) {
    const day = toLocalInputValue(item.at, input.timeZone).slice(0, 10);
    if (days.at(-1)?.day !== day) {
      days.push({ day, items: [] });
      previous = null;
    }
    item.startsGroup =
      !previous || previous.mine !== item.mine || Date.parse(item.at) - Date.parse(previous.at) > GROUP_WITHIN_MS;
    days.at(-1)!.items.push(item);
    previous = item;
  }
  return days;
}
