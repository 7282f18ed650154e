import { validation } from '../errors.js';
import { isUuid } from '../validation.js';

export { isUuid } from '../validation.js';

/** More than a screenful is never sent by the app; the cap keeps one call's work bounded. */
export const MAX_IDS = 500;

/** null/undefined means "all of them"; otherwise a list of notification ids (uuids). */
export function optionalNotificationIds(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw validation('ids must be a list of notification ids.', 'ids');
  if (value.length > MAX_IDS) throw validation(`At most ${MAX_IDS} notifications can be marked at once.`, 'ids');
  if (!value.every(isUuid)) throw validation('ids must be a list of notification ids.', 'ids');
  return [...new Set(value.map((id) => id.toLowerCase()))];
}
