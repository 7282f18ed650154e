import type { Transaction } from 'kysely';
import type { Services } from '../context.js';
import type { Database, NotificationRow } from '../db/types.js';
import { insertNotifications, type NewNotification } from '../notifications/notify.js';

/** What a write collects while it runs: notifications are stored with it and pushed after commit. */
export interface WriteContext {
  trx: Transaction<Database>;
  notify(list: NewNotification[]): void;
}

// Serialization failure and deadlock: PostgreSQL rolled the whole transaction back, so it is safe to run again.
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 4;

/**
 * Runs `work` in one transaction, retrying it when PostgreSQL asks; then pushes the notifications
 * it stored, only once they are committed (a subscriber must never hear of a change that rolled back).
 */
export async function withTransaction<T>(services: Services, work: (ctx: WriteContext) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, stored } = await services.db.transaction().execute(async (trx) => {
        const pending: NewNotification[] = [];
        const result = await work({ trx, notify: (list) => void pending.push(...list) });
        const stored: NotificationRow[] = await insertNotifications(trx, pending);
        return { result, stored };
      });
      if (stored.length) await services.events.notifications(stored);
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt * Math.random()));
    }
  }
}
