import { sql } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { ActivityRow } from '../db/types.js';
import { conflict, validation } from '../errors.js';
import { rateLimitsOf, takeFromLimits } from '../shared/rateLimit.js';
import { parseCreateInput, parseUpdateInput, type ActivityFields } from './input.js';
import { promoteFromWaitlist } from './queue.js';
import { requireActivityId, requireStartWindow } from './validate.js';
import { activityView } from './views.js';
import { aboutActivity, lockActivity, requireHost, requireOpenForChanges, runWrite } from './write.js';

/** The host's own actions on an activity as a whole: create, edit, cancel. */

export async function createActivity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const now = services.now();
  const fields = parseCreateInput(args, now);
  const row = await runWrite(services, async (trx) => {
    const { activitiesPerDay } = rateLimitsOf(services);
    await takeFromLimits(
      trx,
      caller.sub,
      [
        {
          action: 'activity.create',
          max: activitiesPerDay,
          windowMs: DAY_MS,
          code: 'rateLimit.activitiesPerDay',
          message: (retryAt) =>
            `You have created ${activitiesPerDay} activities in the last 24 hours. You can create another from ${retryAt.toISOString()}.`,
        },
      ],
      now,
    );
    const activity = await trx
      .insertInto('activities')
      .values({
        ...fields,
        university_id: caller.profile.university_id,
        host_id: caller.sub,
        confirmed_count: 1, // the host takes the first place
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('participations')
      .values({ activity_id: activity.id, user_id: caller.sub, status: 'HOST', created_at: now, updated_at: now })
      .execute();
    return activity;
  });
  return activityView(services.db, caller, row);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A notification's data as stored: the Data API returns jsonb as its text. */
const parsedData = (data: unknown): Record<string, unknown> =>
  (typeof data === 'string' ? JSON.parse(data) : (data ?? {})) as Record<string, unknown>;

// Changes participants are told about: when and where.
const NOTIFIED_CHANGES: [keyof ActivityFields, string][] = [
  ['starts_at', 'startsAt'],
  ['duration_minutes', 'durationMinutes'],
  ['place', 'place'],
  ['map_url', 'mapUrl'],
];

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

export async function updateActivity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.id);
  const now = services.now();
  const fields = parseUpdateInput(args);
  const row = await runWrite(services, async (trx, effects) => {
    const before = await lockActivity(trx, caller, id);
    requireHost(before, caller, 'edit this activity');
    requireOpenForChanges(before, now, 'edit it');
    if (fields.capacity !== undefined && fields.capacity < before.confirmed_count) {
      throw validation(
        'capacity.belowConfirmed',
        `Capacity can't be lower than the ${before.confirmed_count} people already confirmed (you included). Remove someone first, or choose at least ${before.confirmed_count}.`,
        { field: 'input.capacity', min: before.confirmed_count },
      );
    }
    const changed = Object.entries(fields).filter(
      ([column, value]) => !sameValue(before[column as keyof ActivityRow], value),
    );
    if (!changed.length) return before;
    if (fields.starts_at && changed.some(([column]) => column === 'starts_at')) {
      requireStartWindow(new Date(fields.starts_at), now);
    }
    const activity = await trx
      .updateTable('activities')
      .set({ ...Object.fromEntries(changed), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.changes.push({ activityId: id, kind: 'UPDATED', userId: null, hostId: caller.sub });

    const told = NOTIFIED_CHANGES.filter(([column]) => changed.some(([c]) => c === column)).map(([, name]) => name);
    if (told.length) {
      const people = await trx
        .selectFrom('participations')
        .select('user_id')
        .where('activity_id', '=', id)
        .where('status', 'in', ['JOINED', 'WAITLISTED'])
        .orderBy('queued_seq')
        .execute();
      // Coalesced: someone who has not read the last change notice yet gets that one updated
      // (its changes merged, its time now) instead of another; only a new notice is pushed live.
      const unread = people.length
        ? await trx
            .selectFrom('notifications')
            .select(['id', 'user_id', 'data'])
            .where('activity_id', '=', id)
            .where('type', '=', 'ACTIVITY_CHANGED')
            .where('read_at', 'is', null)
            .where(
              'user_id',
              'in',
              people.map((p) => p.user_id),
            )
            .execute()
        : [];
      const pendingFor = new Map(unread.map((n) => [n.user_id, n]));
      for (const { user_id } of people) {
        const pending = pendingFor.get(user_id);
        const earlier = pending ? parsedData(pending.data).changes : [];
        const changes = NOTIFIED_CHANGES.map(([, name]) => name).filter(
          (name) => told.includes(name) || (Array.isArray(earlier) && earlier.includes(name)),
        );
        const data = { ...aboutActivity(activity), changes, place: activity.place };
        if (pending) {
          await sql`update notifications set data = cast(${JSON.stringify(data)} as jsonb), created_at = ${now}
            where id = ${pending.id}`.execute(trx);
          continue;
        }
        effects.notify.push({ userId: user_id, type: 'ACTIVITY_CHANGED', actorId: caller.sub, activityId: id, data });
      }
    }
    // More places: the waitlist moves up at once, first come first served.
    await promoteFromWaitlist(trx, activity, effects, now);
    return activity;
  });
  return activityView(services.db, caller, row);
}

export async function cancelActivity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.id);
  const now = services.now();
  const row = await runWrite(services, async (trx, effects) => {
    const before = await lockActivity(trx, caller, id);
    requireHost(before, caller, 'cancel this activity');
    if (before.status === 'CANCELLED')
      throw conflict('activity.alreadyCancelled', 'This activity is already cancelled.');
    requireOpenForChanges(before, now, 'cancel it');
    const activity = await trx
      .updateTable('activities')
      .set({ status: 'CANCELLED', cancelled_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Everyone involved hears of it: confirmed, waiting, and those still asking.
    const people = await trx
      .selectFrom('participations')
      .select('user_id')
      .where('activity_id', '=', id)
      .where('status', 'in', ['JOINED', 'WAITLISTED', 'REQUESTED'])
      .orderBy('queued_seq')
      .execute();
    for (const { user_id } of people) {
      effects.notify.push({
        userId: user_id,
        type: 'ACTIVITY_CANCELLED',
        actorId: caller.sub,
        activityId: id,
        data: aboutActivity(activity),
      });
    }
    effects.changes.push({ activityId: id, kind: 'CANCELLED', userId: null, hostId: caller.sub });
    return activity;
  });
  return activityView(services.db, caller, row);
}
