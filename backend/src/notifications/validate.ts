import { validation } from '../errors.js';
import { NOTIFICATION_LIMITS } from '../rules/limits.js';
import { isUuid } from '../validation.js';

export { isUuid } from '../validation.js';

/** More than a screenful is never sent by the app; the cap keeps one call's work bounded. */
export const MAX_IDS = NOTIFICATION_LIMITS.maxIdsPerMark;

const invalidIds = () => validation('ids.invalid', 'ids must be a list of notification ids.', { field: 'ids' });

/** null/undefined means "all of them"; otherwise a list of notification ids (uuids). */
export function optionalNotificationIds(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) throw invalidIds();
  if (value.length > MAX_IDS) {
    throw validation('ids.tooMany', `At most ${MAX_IDS} notifications can be marked at once.`, {
      field: 'ids',
      max: MAX_IDS,
    });
  }
  if (!value.every(isUuid)) throw invalidIds();
  return [...new Set(value.map((id) => id.toLowerCase()))];
}
