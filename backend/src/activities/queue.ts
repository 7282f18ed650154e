import { sql, type Transaction } from 'kysely';
import type { ActivityRow, Database, ParticipationRow, ParticipationStatus } from '../db/types.js';
import { aboutActivity, type Effects } from './write.js';

/**
 * Places and the waitlist. Every function here runs under the activity's row lock (see
 * lockActivity), which is what makes counts and positions exact under concurrent joins.
 */

export const ACTIVE: ParticipationStatus[] = ['HOST', 'JOINED', 'REQUESTED', 'WAITLISTED'];

// Arrival order: whoever enters a status (joins, queues, asks) takes the next number, so the
// waitlist is first come first served and participants/requests list in the order they came.
const nextSeq = sql<string>`nextval(pg_get_serial_sequence('participations', 'queued_seq'))`;

export async function findParticipation(trx: Transaction<Database>, activityId: string, userId: string) {
  return trx
    .selectFrom('participations')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Moves a person to a status; entering JOINED/REQUESTED/WAITLISTED puts them at the back of that line.
 * `countPlaces` also adds that many confirmed people to the activity in the same statement (a
 * data-modifying WITH): pass it only together with updating the caller's copy of the activity.
 */
export async function setStatus(
  trx: Transaction<Database>,
  activityId: string,
  userId: string,
  status: ParticipationStatus,
  at: Date,
  note?: string | null,
  countPlaces = 0,
): Promise<ParticipationRow> {
  const queued = status === 'JOINED' || status === 'REQUESTED' || status === 'WAITLISTED';
  const values = {
    activity_id: activityId,
    user_id: userId,
    status,
    note: note ?? null,
    created_at: at,
    updated_at: at,
  };
  const changes = {
    status,
    updated_at: at,
    ...(note !== undefined ? { note } : {}),
    ...(queued ? { queued_seq: nextSeq } : {}),
  };
  if (!countPlaces) {
    return trx
      .insertInto('participations')
      .values(values)
      .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doUpdateSet(changes))
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx
    .with('counted', (db) =>
      db
        .updateTable('activities')
        .set((eb) => ({ confirmed_count: eb('confirmed_count', '+', countPlaces), updated_at: at }))
        .where('id', '=', activityId),
    )
    .insertInto('participations')
    .values(values)
    .onConflict((oc) => oc.columns(['activity_id', 'user_id']).doUpdateSet(changes))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Under the activity's lock, in one query: a person's participation (if any) with their waitlist
 * place, the waitlist's length, and whether the host blocked them.
 */
export async function participationState(trx: Transaction<Database>, activity: ActivityRow, userId: string) {
  const row = await trx
    .selectFrom('activities as a')
    .leftJoin('participations as p', (join) => join.onRef('p.activity_id', '=', 'a.id').on('p.user_id', '=', userId))
    .select((eb) => [
      'p.status',
      'p.note',
      'p.queued_seq',
      'p.created_at',
      'p.updated_at',
      eb
        .selectFrom('participations as w')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('w.activity_id', '=', 'a.id')
        .where('w.status', '=', 'WAITLISTED')
        .as('waiting'),
      eb
        .selectFrom('participations as w')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('w.activity_id', '=', 'a.id')
        .where('w.status', '=', 'WAITLISTED')
        .whereRef('w.queued_seq', '<', 'p.queued_seq')
        .as('ahead'),
      eb
        .exists(
          eb
            .selectFrom('blocks')
            .select('blocker_id')
            .whereRef('blocker_id', '=', 'a.host_id')
            .where('blocked_id', '=', userId),
        )
        .as('blocked_by_host'),
    ])
    .where('a.id', '=', activity.id)
    .executeTakeFirstOrThrow();
  const existing: ParticipationRow | null =
    row.status && row.queued_seq !== null && row.created_at && row.updated_at
      ? {
          activity_id: activity.id,
          user_id: userId,
          status: row.status,
          note: row.note,
          queued_seq: row.queued_seq,
          created_at: row.created_at,
          updated_at: row.updated_at,
        }
      : null;
  return {
    existing,
    position: existing?.status === 'WAITLISTED' ? Number(row.ahead ?? 0) + 1 : null,
    waitlistLength: Number(row.waiting ?? 0),
    blockedByHost: Boolean(row.blocked_by_host),
  };
}

/** 1-based place in the waitlist, or null when not waitlisted. */
export async function waitlistPosition(trx: Transaction<Database>, row: ParticipationRow): Promise<number | null> {
  if (row.status !== 'WAITLISTED') return null;
  const { ahead } = await trx
    .selectFrom('participations')
    .select((eb) => eb.fn.countAll<string>().as('ahead'))
    .where('activity_id', '=', row.activity_id)
    .where('status', '=', 'WAITLISTED')
    .where('queued_seq', '<', row.queued_seq)
    .executeTakeFirstOrThrow();
  return Number(ahead) + 1;
}

export async function waitlistLength(trx: Transaction<Database>, activityId: string): Promise<number> {
  const { n } = await trx
    .selectFrom('participations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'WAITLISTED')
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Adds (or removes, with a negative delta) confirmed people; the table's check refuses overbooking. */
export async function addConfirmed(trx: Transaction<Database>, activity: ActivityRow, delta: number, at: Date) {
  const row = await trx
    .updateTable('activities')
    .set((eb) => ({ confirmed_count: eb('confirmed_count', '+', delta), updated_at: at }))
    .where('id', '=', activity.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  Object.assign(activity, row);
  return row;
}

/**
 * Fills free places from the head of the waitlist, first come first served, and tells each
 * promoted person. Returns who was promoted.
 */
export async function promoteFromWaitlist(
  trx: Transaction<Database>,
  activity: ActivityRow,
  effects: Effects,
  at: Date,
) {
  const free = activity.capacity - activity.confirmed_count;
  if (free <= 0 || activity.status !== 'SCHEDULED') return [];
  const heads = await trx
    .selectFrom('participations')
    .select('user_id')
    .where('activity_id', '=', activity.id)
    .where('status', '=', 'WAITLISTED')
    .orderBy('queued_seq')
    .limit(free)
    .execute();
  for (const { user_id } of heads) {
    await setStatus(trx, activity.id, user_id, 'JOINED', at);
    effects.notify.push({
      userId: user_id,
      type: 'ACTIVITY_WAITLIST_PROMOTED',
      actorId: null,
      activityId: activity.id,
      data: aboutActivity(activity),
    });
    effects.changes.push({ activityId: activity.id, kind: 'PROMOTED', userId: user_id, hostId: activity.host_id });
  }
  if (heads.length) await addConfirmed(trx, activity, heads.length, at);
  return heads.map((h) => h.user_id);
}
