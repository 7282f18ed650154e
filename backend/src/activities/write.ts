import type { Transaction } from 'kysely';
import type { Caller } from '../context.js';
import type { ActivityRow, Database } from '../db/types.js';
import { conflict, forbidden, notFound } from '../errors.js';

export { runWrite, type Effects } from '../shared/transaction.js';

/**
 * The caller's university's activity, row-locked for the rest of the transaction: every write that
 * touches places or the waitlist takes this lock first, so counts read after it are exact.
 */
export async function lockActivity(trx: Transaction<Database>, caller: Caller, id: string): Promise<ActivityRow> {
  const row = await trx
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .where('university_id', '=', caller.profile.university_id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('activity.notFound', 'The activity');
  return row;
}

export const hasStarted = (activity: ActivityRow, now: Date) => activity.starts_at.getTime() <= now.getTime();

/** Refuses a change to an activity that is over or called off. */
export function requireOpenForChanges(activity: ActivityRow, now: Date, doing: string): void {
  if (activity.status === 'CANCELLED') {
    throw conflict('activity.cancelled', `This activity was cancelled: you can't ${doing}.`);
  }
  if (hasStarted(activity, now))
    throw conflict('activity.started', `This activity has already started: you can't ${doing}.`);
}

export function requireHost(activity: ActivityRow, caller: Caller, doing: string): void {
  if (activity.host_id !== caller.sub) throw forbidden('activity.hostOnly', `Only the host can ${doing}.`);
}

/** The details a notification's text needs. */
export const aboutActivity = (activity: ActivityRow) => ({
  title: activity.title,
  startsAt: activity.starts_at.toISOString(),
});
