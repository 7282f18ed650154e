import type { Caller, Services } from '../context.js';
import { optionalNotificationIds } from './validate.js';

/**
 * Mutation.markNotificationsRead. Only the caller's own rows are ever touched: ids of other
 * people's notifications match nothing and are silently ignored. Returns how many changed.
 */
export async function markNotificationsRead(caller: Caller, args: Record<string, unknown>, services: Services) {
  const ids = optionalNotificationIds(args.ids);
  if (ids && !ids.length) return 0;
  let update = services.db
    .updateTable('notifications')
    .set({ read_at: services.now() })
    .where('user_id', '=', caller.sub)
    .where('read_at', 'is', null);
  if (ids) update = update.where('id', 'in', ids);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
