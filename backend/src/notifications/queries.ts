import { sql, type Kysely } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { Database } from '../db/types.js';
import { decodeCursor, invalidToken, pageLimit, toPage } from '../shared/pagination.js';
import { isUuid } from './validate.js';
import { toNotificationViews } from './views.js';

/**
 * Query.notifications: mine, newest first. The cursor is the last notification's id and the page
 * continues after that row's (created_at, id): created_at comes from the database with
 * microseconds, which a millisecond JavaScript Date in the token would lose.
 */
export async function notifications(caller: Caller, args: Record<string, unknown>, services: Services) {
  const limit = pageLimit(args.limit);
  const key = decodeCursor(args.nextToken, ['string']);
  let query = services.db.selectFrom('notifications').selectAll().where('user_id', '=', caller.sub);
  if (key) {
    const afterId = key[0];
    if (!isUuid(afterId)) throw invalidToken();
    const after = await services.db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', afterId)
      .where('user_id', '=', caller.sub)
      .executeTakeFirst();
    if (!after) throw invalidToken();
    query = query.where(
      sql<boolean>`(created_at, id) < (select n.created_at, n.id from notifications n where n.id = ${afterId})`,
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.id]);
  return { items: await toNotificationViews(services.db, page.items), nextToken: page.nextToken };
}

export async function countUnreadNotifications(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
