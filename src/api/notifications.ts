import {
  MarkNotificationsReadDocument,
  NotificationsDocument,
  OnNotificationDocument,
  UnreadCountsDocument,
} from './generated/documents/notifications';
import type { NotificationFieldsFragment, UnreadCountsQuery } from './generated/graphql';
import type { Page, PageRequest } from './page';
import { listen, run } from './run';

export type { NotificationType } from './generated/graphql';

/** A notification with its type-specific details (activity title, new start…) parsed from AWSJSON. */
export type AppNotification = Omit<NotificationFieldsFragment, 'data'> & { data: Record<string, unknown> };
export type UnreadCounts = UnreadCountsQuery['unreadCounts'];

/** AWSJSON arrives as a JSON string; anything unreadable becomes no details rather than a crash. */
function parseData(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

const toNotification = (raw: NotificationFieldsFragment): AppNotification => ({ ...raw, data: parseData(raw.data) });

export async function listNotifications(page: PageRequest = {}): Promise<Page<AppNotification>> {
  const { notifications } = await run(NotificationsDocument, page);
  return { items: notifications.items.map(toNotification), nextToken: notifications.nextToken };
}

export async function getUnreadCounts(): Promise<UnreadCounts> {
  return (await run(UnreadCountsDocument, {})).unreadCounts;
}

/** Marks these notifications read, or all of them without ids; returns how many changed. */
export async function markNotificationsRead(ids?: string[]): Promise<number> {
  return (await run(MarkNotificationsReadDocument, { ids: ids ?? null })).markNotificationsRead;
}

/** The signed-in user's notifications as they happen; returns the function that stops listening. */
export function subscribeToNotifications(
  userId: string,
  onNotification: (notification: AppNotification) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(
    OnNotificationDocument,
    { userId },
    (data) => (data.onNotification ? toNotification(data.onNotification) : null),
    onNotification,
    onError,
  );
}
