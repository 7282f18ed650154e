import type { Caller, Services } from '../context.js';
import { validation } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import { SESSION_LIMITS } from '../rules/limits.js';
import { decodeCursor, invalidToken, pageLimit, toPage } from '../shared/pagination.js';
import { findClass, findSession } from './access.js';
import { Sport } from '../generated/graphql.js';
import { loadRules } from './rules.js';
import { enumValues, requireDateTime, requireEnum } from '../validation.js';
import { buildSessionViews } from './views.js';

const MAX_RANGE_DAYS = SESSION_LIMITS.maxRangeDays;
const SPORTS = enumValues(Sport);

/**
 * The timetable: sessions of the caller's university starting in [from, to), cancelled ones
 * included (students must see that a session they planned for is off), by start time then id.
 */
export const classSessions: FieldResolvers['Query.classSessions'] = async (caller, args, services) => {
  const from = requireDateTime(args.from, { field: 'from', code: 'from.invalid', label: 'From' });
  const to = requireDateTime(args.to, { field: 'to', code: 'to.invalid', label: 'To' });
  if (from.getTime() >= to.getTime()) throw validation('to.beforeFrom', '"From" must be before "to".', { field: 'to' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw validation('to.rangeTooLong', `Ask for at most ${MAX_RANGE_DAYS} days of sessions at a time.`, {
      field: 'to',
      max: MAX_RANGE_DAYS,
    });
  }
  const limit = pageLimit(args.limit);
  const cursor = decodeCursor(args.nextToken, ['string', 'string']);
  const classId = args.classId == null ? null : (await findClass(services.db, caller, args.classId)).id;
  const sport =
    args.sport == null
      ? null
      : requireEnum(args.sport, { field: 'sport', code: 'sport.invalid', label: 'sport' }, SPORTS);
  const after = cursor ? { startsAt: new Date(cursor[0] as string), id: cursor[1] as string } : null;
  if (after && Number.isNaN(after.startsAt.getTime())) throw invalidToken();

  let query = services.db
    .selectFrom('class_sessions')
    .selectAll()
    .where('university_id', '=', caller.profile.university_id)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to);
  if (classId) query = query.where('class_id', '=', classId);
  if (sport) {
    query = query.where('class_id', 'in', (eb) =>
      eb
        .selectFrom('classes')
        .select('id')
        .where('university_id', '=', caller.profile.university_id)
        .where('sport', '=', sport),
    );
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('starts_at', '>', after.startsAt),
        eb.and([eb('starts_at', '=', after.startsAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, (row) => [row.starts_at.toISOString(), row.id]);
  const rules = await loadRules(services.db, caller);
  return {
    items: await buildSessionViews(services.db, caller, rules, page.items, services.now()),
    nextToken: page.nextToken,
  };
};

/** One session of the caller's university, as the caller sees it (its page). */
export const classSession: FieldResolvers['Query.classSession'] = async (caller, args, services) => {
  const session = await findSession(services.db, caller, args.id);
  const rules = await loadRules(services.db, caller);
  const [view] = await buildSessionViews(services.db, caller, rules, [session], services.now());
  return view!;
};

/** Subscription authorizer: only someone of the session's university may watch it. */
export async function onSessionChanged(caller: Caller, args: Record<string, unknown>, services: Services) {
  await findSession(services.db, caller, args.sessionId);
  return null;
}
