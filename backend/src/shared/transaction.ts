import type { Transaction } from 'kysely';
import type { Services } from '../context.js';
import { isRetryable } from '../db/sqlState.js';
import type { Database } from '../db/types.js';
import type { ActivityChange, SessionChange } from '../events.js';
import { insertNotifications, type NewNotification } from '../notifications/notify.js';

/** What a write wants told to people once it has committed. */
export interface Effects {
  notify: NewNotification[];
  changes: ActivityChange[];
  sessions: SessionChange[];
}

const ATTEMPTS = 4;

/**
 * Runs one multi-step write in a transaction, retrying it when PostgreSQL asks. Notifications are
 * stored inside it; notifications, activity and session changes are pushed only after it commits, so nobody
 * ever hears of a change that rolled back.
 */
export async function runWrite<T>(
  services: Pick<Services, 'db' | 'events'>,
  work: (trx: Transaction<Database>, effects: Effects) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const done = await services.db.transaction().execute(async (trx) => {
        const effects: Effects = { notify: [], changes: [], sessions: [] };
        const value = await work(trx, effects);
        const rows = await insertNotifications(trx, effects.notify);
        return { value, rows, changes: effects.changes, sessions: effects.sessions };
      });
      for (const change of done.changes) await services.events.activityChanged(change);
      // One event per session and kind: a watcher refetches once however many people it was about.
      const seen = new Set<string>();
      for (const change of done.sessions) {
        const key = `${change.sessionId}|${change.kind}|${change.userId ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await services.events.sessionChanged(change);
      }
      if (done.rows.length) await services.events.notifications(done.rows);
      return done.value;
    } catch (error) {
      // Serialization failure, deadlock, or a database not ready yet (db/sqlState.ts): safe to run again.
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
