import type { AppNotification, NotificationType } from '@/api/notifications';
import { formatDateTime } from '@/i18n/format';
import { t as translate } from '@/i18n';

/** Where a notification leads; null while the thing it is about has no page in the app. */
export type NotificationLink =
  | { name: 'activity'; params: { id: string } }
  | { name: 'class-session'; params: { id: string } }
  | { name: 'conversation'; params: { userId: string } }
  | null;

/** A stretch of a notification's sentence: plain words, the actor's name (their page), or the link. */
export type NotificationPart =
  { kind: 'text'; text: string } | { kind: 'person'; text: string; id: string } | { kind: 'link'; text: string };

export interface NotificationText {
  sentence: string;
  link: NotificationLink;
  parts: NotificationPart[];
}

// Characters no translation or user text holds (control characters are refused as input): they
// mark where the actor's name and the title landed in the translated sentence.
const ACTOR = '\u0001';
const TITLE = '\u0002';
const MARKED = /\u0001([^\u0001]*)\u0001|\u0002([^\u0002]*)\u0002/g;

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

function mainSentence(notification: AppNotification, timeZone: string, t: Translate, mark: boolean): string {
  const { type, data } = notification;
  const base = `notifications.text.${type}`;
  const name = notification.actor?.displayName || t('notifications.someone');
  const actor = mark && notification.actor ? `${ACTOR}${name}${ACTOR}` : name;
  if (SESSION_TYPES.includes(type)) {
    const title = text(data, 'className');
    const startsAt = text(data, 'startsAt');
    const when = startsAt && !Number.isNaN(Date.parse(startsAt)) ? formatDateTime(startsAt, timeZone) : null;
    if (!title) return t(`${base}.untitled`);
    return when ? t(`${base}.titled`, { title, when }) : t(`${base}.noTime`, { title });
  }
  const title = text(data, 'title');
  const shown = mark && title ? `${TITLE}${title}${TITLE}` : title;
  return shown ? t(`${base}.titled`, { actor, title: shown }) : t(`${base}.untitled`, { actor });
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
  mark = false,
): string {
  const { type, data } = notification;
  const sentence = mainSentence(notification, timeZone, t, mark);
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

/** Activities, class sessions and conversations each have a page. */
export function notificationLink(notification: AppNotification): NotificationLink {
  if (notification.activityId) return { name: 'activity', params: { id: notification.activityId } };
  if (notification.sessionId) return { name: 'class-session', params: { id: notification.sessionId } };
  if (notification.conversationId && notification.actor)
    return { name: 'conversation', params: { userId: notification.actor.id } };
  return null;
}

/**
 * The sentence in stretches: the actor's name leads to their page, the title (or, without one,
 * the rest of the sentence) to what the notification is about, the other words are plain.
 */
function sentenceParts(marked: AppNotification['actor'], sentence: string, link: NotificationLink): NotificationPart[] {
  const parts: NotificationPart[] = [];
  let from = 0;
  for (const match of sentence.matchAll(MARKED)) {
    if (match.index > from) parts.push({ kind: 'text', text: sentence.slice(from, match.index) });
    if (match[1] !== undefined && marked) parts.push({ kind: 'person', text: match[1], id: marked.id });
    else parts.push({ kind: link ? 'link' : 'text', text: match[2] ?? match[1] ?? '' });
    from = match.index + match[0].length;
  }
  if (from < sentence.length) parts.push({ kind: 'text', text: sentence.slice(from) });
  if (link && !parts.some((part) => part.kind === 'link')) {
    return parts.map((part) => (part.kind === 'text' ? { kind: 'link', text: part.text } : part));
  }
  return parts;
}

/** A notification → what it says and where it leads. Pure apart from the current language. */
export function describeNotification(
  notification: AppNotification,
  timeZone: string,
  t: Translate = translate,
): NotificationText {
  const link = notificationLink(notification);
  const marked = notificationSentence(notification, timeZone, t, true);
  return {
    sentence: marked.replace(/[\u0001\u0002]/g, ''),
    link,
    parts: sentenceParts(notification.actor, marked, link),
  };
}
