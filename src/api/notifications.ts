import { listen, run } from './run';
import type { AppNotification, Page, UnreadCounts } from './types';

const FIELDS = `
  id userId type activityId sessionId conversationId data createdAt readAt
  actor { id displayName universityId }
`;
const NOTIFICATIONS = /* GraphQL */ `
  query Notifications($limit: Int, $nextToken: String) {
    notifications(limit: $limit, nextToken: $nextToken) { items { ${FIELDS} } nextToken }
  }
`;
const UNREAD = /* GraphQL */ `
  query UnreadCounts {
    unreadCounts {
      messages
      notifications
    }
  }
`;
const MARK_READ = /* GraphQL */ `
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`;
const ON_NOTIFICATION = /* GraphQL */ `
  subscription OnNotification($userId: ID!) { onNotification(userId: $userId) { ${FIELDS} } }
`;

type RawNotification = Omit<AppNotification, 'data'> & { data: unknown };

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

const toNotification = (raw: RawNotification): AppNotification => ({ ...raw, data: parseData(raw.data) });

export async function listNotifications(
  page: { limit?: number; nextToken?: string | null } = {},
): Promise<Page<AppNotification>> {
  const data = await run<{ notifications: Page<RawNotification> }>(NOTIFICATIONS, page);
  return { items: data.notifications.items.map(toNotification), nextToken: data.notifications.nextToken };
}

export async function getUnreadCounts(): Promise<UnreadCounts> {
  return (await run<{ unreadCounts: UnreadCounts }>(UNREAD)).unreadCounts;
}

/** Marks these notifications read, or all of them without ids; returns how many changed. */
export async function markNotificationsRead(ids?: string[]): Promise<number> {
  return (await run<{ markNotificationsRead: number }>(MARK_READ, { ids: ids ?? null })).markNotificationsRead;
}

/** The signed-in user's notifications as they happen; returns the function that stops listening. */
export function subscribeToNotifications(
  userId: string,
  onNotification: (notification: AppNotification) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen<{ onNotification: RawNotification | null }, AppNotification>(
    ON_NOTIFICATION,
    { userId },
    (data) => (data.onNotification ? toNotification(data.onNotification) : null),
    onNotification,
    onError,
  );
}
