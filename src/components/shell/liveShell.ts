/**
 * The header's live parts, in one chunk loaded after the page shows: the bell (notifications) and
 * the Messages badge, with the stores that own the session's subscriptions. Every signed-in page
 * needs both at once, so one request brings them.
 */
export { default as MessagesNavBadge } from './MessagesNavBadge.vue';
export { default as NotificationBell } from './NotificationBell.vue';
