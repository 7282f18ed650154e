import type { AppNotification, NotificationType } from '@/api/notifications';
import { formatDateTime } from '@/i18n/format';
import { t as translate } from '@/i18n';

/** Where a notification leads; null while the thing it is about has no page in the app. */
export type NotificationLink =
  { name: 'activity'; params: { id: string } } | { name: 'class-session'; params: { id: string } } | null;

export interface NotificationText {
  sentence: string;
  link: NotificationLink;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

const SESSION_TYPES: readonly NotificationType[] = ['SESSION_CHANGED', 'SESSION_CANCELLED', 'BOOKING_PROMOTED'];

/** Known change names the server sends in ACTIVITY_CHANGED's data.changes, in the order shown. */
const CHANGE_NAMES = ['startsAt', 'durationMinutes', 'place', 'mapUrl'] as const;

// `data` is free-form JSON from the server: each field is checked before it is used, and a
// notification without it still reads as a whole sentence (the "untitled" variants).
const text = (data: Record<string, unknown>, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};
const whole = (data: Record<string, unknown>, key: string): number | null => {
  const value = data[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
};

function mainSentence(notification: AppNotification, timeZone: string, t: Translate): string {
  const { type, data } = notification;
  const base = `notifications.text.${type}`;
  const actor = notification.actor?.displayName || t('notifications.someone');
  if (SESSION_TYPES.includes(type)) {
    const title = text(data, 'className');
    const startsAt = text(data, 'startsAt');
    const when = startsAt && !Number.isNaN(Date.parse(startsAt)) ? formatDateTime(startsAt, timeZone) : null;
    if (!title) return t(`${base}.untitled`);
    return when ? t(`${base}.titled`, { title, when }) : t(`${base}.noTime`, { title });
  }
  const title = text(data, 'title');
  return title ? t(`${base}.titled`, { actor, title }) : t(`${base}.untitled`, { actor });
}

function changesList(data: Record<string, unknown>, t: Translate): string | null {
  const changes = Array.isArray(data.changes) ? data.changes : [];
  const place = text(data, 'place');
  const parts = CHANGE_NAMES.filter((name) => changes.includes(name)).map((name) =>
    name === 'place' && place
      ? t('notifications.text.change.placeNamed', { place })
      : t(`notifications.text.change.${name}`),
  );
  return parts.length ? parts.join(', ') : null;
}

/** The sentence a notification reads as, in the current language, with its details. */
export function notificationSentence(
  notification: AppNotification,
  timeZone: string,
  t: Translate = translate,
): string {
  const { type, data } = notification;
  const sentence = mainSentence(notification, timeZone, t);
  if (type === 'JOIN_REQUEST_RECEIVED') {
    const note = text(data, 'note');
    return note ? t('notifications.text.withNote', { sentence, note }) : sentence;
  }
  if (type === 'JOIN_REQUEST_APPROVED' && data.waitlisted === true) {
    const position = whole(data, 'position');
    return position
      ? t('notifications.text.JOIN_REQUEST_APPROVED.waitlistedAt', { sentence, position })
      : t('notifications.text.JOIN_REQUEST_APPROVED.waitlisted', { sentence });
  }
  if (type === 'ACTIVITY_CHANGED') {
    const changes = changesList(data, t);
    return changes ? t('notifications.text.withChanges', { sentence, changes }) : sentence;
  }
  return sentence;
}

/** Activities and class sessions have a page; conversations do not yet, so those stay unlinked. */
export function notificationLink(notification: AppNotification): NotificationLink {
  if (notification.activityId) return { name: 'activity', params: { id: notification.activityId } };
  if (notification.sessionId) return { name: 'class-session', params: { id: notification.sessionId } };
  return null;
}

/** A notification → what it says and where it leads. Pure apart from the current language. */
export function describeNotification(
  notification: AppNotification,
  timeZone: string,
  t: Translate = translate,
): NotificationText {
  return { sentence: notificationSentence(notification, timeZone, t), link: notificationLink(notification) };
}
