import type { Transaction } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { ActivityRow, Database } from '../db/types.js';
import { conflict, forbidden, notFound } from '../errors.js';
import type { ActivityChange } from '../events.js';
import { insertNotifications, type NewNotification } from '../notifications/notify.js';

/** What a write wants told to people once it has committed. */
export interface Effects {
  notify: NewNotification[];
  changes: ActivityChange[];
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock
const ATTEMPTS = 4;

/**
 * Runs one multi-step write in a transaction, retrying on serialization failures and deadlocks.
 * Notifications are stored inside it; notifications and activity changes are pushed only after it
 * commits, so nobody ever hears of a change that rolled back.
 */
export async function runWrite<T>(
  services: Services,
  work: (trx: Transaction<Database>, effects: Effects) => Promise<T>,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await services.db.transaction().execute(async (trx) => {
        const effects: Effects = { notify: [], changes: [] };
        const value = await work(trx, effects);
        const rows = await insertNotifications(trx, effects.notify);
        return { value, rows, changes: effects.changes };
      });
      for (const change of done.changes) await services.events.activityChanged(change);
      if (done.rows.length) await services.events.notifications(done.rows);
      return done.value;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

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
  if (!row) throw notFound('The activity');
  return row;
}

export const hasStarted = (activity: ActivityRow, now: Date) => activity.starts_at.getTime() <= now.getTime();

/** Refuses a change to an activity that is over or called off. */
export function requireOpenForChanges(activity: ActivityRow, now: Date, doing: string): void {
  if (activity.status === 'CANCELLED') throw conflict(`This activity was cancelled: you can't ${doing}.`);
  if (hasStarted(activity, now)) throw conflict(`This activity has already started: you can't ${doing}.`);
}

export function requireHost(activity: ActivityRow, caller: Caller, doing: string): void {
  if (activity.host_id !== caller.sub) throw forbidden(`Only the host can ${doing}.`);
}

/** The details a notification's text needs. */
export const aboutActivity = (activity: ActivityRow) => ({
  title: activity.title,
  startsAt: activity.starts_at.toISOString(),
});
