/**
 * The shell's live parts, in one chunk loaded after the page shows: the bell (notifications), the
 * Messages badge and the phone's tab bar (with both counts), with the stores that own the session's
 * subscriptions. Every signed-in page needs them at once, so one request brings them.
 */
export { default as MessagesNavBadge } from './MessagesNavBadge.vue';
export { default as NotificationBell } from './NotificationBell.vue';
export { default as TheTabBar } from './TheTabBar.vue';
