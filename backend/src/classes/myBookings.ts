import { validation } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import { decodeCursor, invalidToken, pageLimit, toPage } from '../shared/pagination.js';
import { loadRules } from './rules.js';
import { buildBookingViews } from './views.js';

/**
 * The caller's own bookings, whatever their status: a student sees their late cancels and
 * no-shows too. Upcoming (not started yet) soonest first; past newest first.
 */
export const myBookings: FieldResolvers['Query.myBookings'] = async (caller, args, services) => {
  if (args.when !== 'UPCOMING' && args.when !== 'PAST')
    throw validation('timeScope.invalid', 'Choose UPCOMING or PAST.', { field: 'when' });
  const upcoming = args.when === 'UPCOMING';
  const limit = pageLimit(args.limit);
  const cursor = decodeCursor(args.nextToken, ['string', 'string']);
  const after = cursor ? { startsAt: new Date(cursor[0] as string), id: cursor[1] as string } : null;
  if (after && Number.isNaN(after.startsAt.getTime())) throw invalidToken();
  const now = services.now();
  const direction = upcoming ? 'asc' : 'desc';
  const beyond = upcoming ? '>' : '<';

  let query = services.db
    .selectFrom('bookings')
    .innerJoin('class_sessions as s', 's.id', 'bookings.session_id')
    .selectAll('bookings')
    .select('s.starts_at as session_starts_at')
    .where('bookings.user_id', '=', caller.sub)
    .where('s.starts_at', upcoming ? '>' : '<=', now);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('s.starts_at', beyond, after.startsAt),
        eb.and([eb('s.starts_at', '=', after.startsAt), eb('bookings.session_id', beyond, after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('s.starts_at', direction)
    .orderBy('bookings.session_id', direction)
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.session_starts_at.toISOString(), row.session_id]);
  const rules = await loadRules(services.db, caller);
  const bookings = page.items.map(({ session_starts_at: _startsAt, ...booking }) => booking);
  return { items: await buildBookingViews(services.db, caller, rules, bookings, now), nextToken: page.nextToken };
};
