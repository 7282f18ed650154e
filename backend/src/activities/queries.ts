import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { ActivityRow, Database } from '../db/types.js';
import { forbidden, notFound, validation } from '../errors.js';
import { HOST_AUDIENCE, PUBLIC_AUDIENCE } from '../events.js';
import { ActivityRelation, SkillLevel, TimeScope } from '../generated/graphql.js';
import { ACTIVITY_LIMITS } from '../rules/limits.js';
import { decodeCursor, invalidToken, pageLimit, toPage } from '../shared/pagination.js';
import { enumValues, requireText } from '../validation.js';
import { SKILL_LEVELS, SPORTS, isUuid, requireActivityId, requireDateTime, requireEnum } from './validate.js';
import { activityView, activityViews } from './views.js';

type ActivityQuery = SelectQueryBuilder<Database, 'activities', ActivityRow>;

/** The caller's university's activities: the tenant comes from the caller, never from arguments. */
const ofMyUniversity = (services: Services, caller: Caller): ActivityQuery =>
  services.db.selectFrom('activities').selectAll().where('university_id', '=', caller.profile.university_id);

export async function activity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.id);
  const row = await ofMyUniversity(services, caller).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('activity.notFound', 'The activity');
  return activityView(services.db, caller, row);
}

/**
 * Subscription authorizer: only someone who may see the activity may watch it, and each audience
 * only by whom it is for: PUBLIC by anyone of the university, HOST by its host, a person's id by
 * that person (events.ts, activityChangeEvents).
 */
export async function onActivityChanged(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.activityId);
  const audience = args.audience;
  if (typeof audience !== 'string' || !audience) {
    throw validation('audience.invalid', 'Say whose changes to follow: PUBLIC, HOST or your own id.', {
      field: 'audience',
    });
  }
  const row = await ofMyUniversity(services, caller).select(['id', 'host_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('activity.notFound', 'The activity');
  if (audience === HOST_AUDIENCE && row.host_id !== caller.sub) {
    throw forbidden('activity.hostOnly', 'Only the host can follow the changes meant for the host.');
  }
  if (audience !== HOST_AUDIENCE && audience !== PUBLIC_AUDIENCE && audience !== caller.sub) {
    throw forbidden('subscription.notYours', 'You can only follow changes to your own participation.');
  }
  return null;
}

// Sort key of every list: start time, then id, so a cursor names one exact place.
const keyOf = (row: ActivityRow) => [row.starts_at.toISOString(), row.id];

function afterCursor(query: ActivityQuery, token: unknown, direction: 'asc' | 'desc'): ActivityQuery {
  const key = decodeCursor(token, ['string', 'string']);
  if (!key) return query;
  const [at, id] = key as [string, string];
  const startsAt = new Date(at);
  if (Number.isNaN(startsAt.getTime()) || !isUuid(id)) {
    throw invalidToken();
  }
  const op = direction === 'asc' ? '>' : '<';
  return query.where((eb) =>
    eb.or([eb('starts_at', op, startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', op, id)])]),
  );
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word must appear (any case) in the title, the description or the place. */
function matchingWords(eb: ExpressionBuilder<Database, 'activities'>, words: string[]) {
  return eb.and(
    words.map((word) => {
      const pattern = `%${escapeLike(word)}%`;
      return eb.or([eb('title', 'ilike', pattern), eb('description', 'ilike', pattern), eb('place', 'ilike', pattern)]);
    }),
  );
}

export async function activities(caller: Caller, args: Record<string, unknown>, services: Services) {
  const limit = pageLimit(args.limit);
  const filter = args.filter === undefined || args.filter === null ? {} : (args.filter as Record<string, unknown>);
  if (typeof filter !== 'object' || Array.isArray(filter))
    throw validation('filter.invalid', 'filter is not valid.', { field: 'filter' });
  const now = services.now();

  // Browsing shows what is still to come: a "from" in the past starts at now.
  let from = now;
  if (filter.from != null) {
    const asked = requireDateTime(filter.from, { field: 'filter.from', code: 'from.invalid', label: 'From' });
    if (asked > now) from = asked;
  }
  let query = ofMyUniversity(services, caller).where('status', '=', 'SCHEDULED').where('starts_at', '>=', from);
  if (filter.to != null) {
    const to = requireDateTime(filter.to, { field: 'filter.to', code: 'to.invalid', label: 'To' });
    query = query.where('starts_at', '<', to);
  }
  if (filter.sport != null) {
    query = query.where(
      'sport',
      '=',
      requireEnum(filter.sport, { field: 'filter.sport', code: 'sport.invalid', label: 'sport' }, SPORTS),
    );
  }
  if (filter.skillLevel != null) {
    // An activity for any level suits every level.
    const level = requireEnum(
      filter.skillLevel,
      { field: 'filter.skillLevel', code: 'skillLevel.invalid', label: 'skill level' },
      SKILL_LEVELS,
    );
    query = query.where('skill_level', 'in', [...new Set([level, SkillLevel.ANY])]);
  }
  if (filter.hasFreePlaces === true) query = query.where(sql<boolean>`confirmed_count < capacity`);
  // A person's page lists what they host; an id that is no one of this university simply matches nothing.
  if (filter.hostId != null) query = query.where('host_id', '=', String(filter.hostId));
  if (filter.text != null) {
    const text = requireText(filter.text, {
      field: 'filter.text',
      subject: 'search',
      label: 'Search text',
      ...ACTIVITY_LIMITS.searchText,
    });
    const words = text.split(/\s+/).filter(Boolean).slice(0, 10);
    if (words.length) query = query.where((eb) => matchingWords(eb, words));
  }
  query = afterCursor(query, args.nextToken, 'asc');
  const rows = await query
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, keyOf);
  return { items: await activityViews(services.db, caller, page.items), nextToken: page.nextToken };
}

const RELATION_STATUS = {
  HOSTING: 'HOST',
  JOINED: 'JOINED',
  REQUESTED: 'REQUESTED',
  WAITLISTED: 'WAITLISTED',
} as const;

/**
 * The caller's activities by relation. Upcoming = not yet over (so one happening now is still
 * there), soonest first; past = over, most recent first. Cancelled ones stay, flagged by status.
 */
export async function myActivities(caller: Caller, args: Record<string, unknown>, services: Services) {
  const relation = requireEnum(
    args.relation,
    { field: 'relation', code: 'relation.invalid', label: 'relation' },
    enumValues(ActivityRelation),
  );
  const when = requireEnum(
    args.when,
    { field: 'when', code: 'timeScope.invalid', label: 'time scope' },
    enumValues(TimeScope),
  );
  const limit = pageLimit(args.limit);
  const direction = when === 'UPCOMING' ? 'asc' : 'desc';
  const endsAt = sql<Date>`starts_at + duration_minutes * interval '1 minute'`;
  let query = ofMyUniversity(services, caller)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('participations')
        .select('activity_id')
        .where('user_id', '=', caller.sub)
        .where('status', '=', RELATION_STATUS[relation]),
    )
    .where(endsAt, when === 'UPCOMING' ? '>' : '<=', services.now());
  query = afterCursor(query, args.nextToken, direction);
  const rows = await query
    .orderBy('starts_at', direction)
    .orderBy('id', direction)
    .limit(limit + 1)
    .execute();
  const page = toPage(rows, limit, keyOf);
  return { items: await activityViews(services.db, caller, page.items), nextToken: page.nextToken };
}
