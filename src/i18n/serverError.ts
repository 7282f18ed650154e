import type { ApiError } from '@/api/errors';
import { formatDateTime } from './format';
import { currentLocale, i18n } from './index';

/**
 * Whether the current language has this message. Messages are stored under flat keys
 * (flattenArea), and petite-vue-i18n has no `te`. Here rather than in ./index, so pages that show
 * no refusal do not carry it.
 */
function hasMessage(key: string): boolean {
  const messages = i18n.global.getLocaleMessage(currentLocale()) as Record<string, unknown>;
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** A sentence to show: a message key with its values, or (for a refusal we cannot name) the server's words. */
export type ShownMessage = { key: string; params?: Record<string, unknown> } | { text: string };

// errorInfo values that are instants: shown as a date and time in the university's time zone.
const INSTANTS = new Set(['opensAt', 'until', 'retryAt']);

/**
 * A refusal in the reader's language: the `serverErrors` sentence for its code, with the numbers
 * and dates from its errorInfo. Only a code this app does not know (a newer server) falls back to
 * the server's own message. The route must load the `serverErrors` message area.
 */
export function serverErrorMessage(error: Pick<ApiError, 'message' | 'info'>, timeZone: string): ShownMessage {
  const { code } = error.info;
  const key = code ? `serverErrors.${code}` : null;
  if (!key || !hasMessage(key)) return { text: error.message };
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.info)) {
    params[name] = INSTANTS.has(name) && typeof value === 'string' ? formatDateTime(value, timeZone) : value;
  }
  return { key, params };
}

type Translate = (key: string, named: Record<string, unknown>) => string;

/** A shown message in the reader's language: a key translated with its values, or words as they came. */
export function shownMessageText(message: ShownMessage, t: Translate): string {
  return 'text' in message ? message.text : t(message.key, message.params ?? {});
}
