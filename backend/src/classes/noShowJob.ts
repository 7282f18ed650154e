import { sql } from 'kysely';
import type { Services } from '../context.js';
import { ATTENDANCE_LIMITS } from '../rules/limits.js';
import { runWrite } from '../shared/transaction.js';
import { applyNoShowPolicy } from './noShows.js';
import { loadUniversityRules, type Rules } from './rules.js';

const HOUR = 3_600_000;

export interface NoShowRun {
  sessions: number;
  noShows: number;
  blocks: number;
}

/**
 * The scheduled no-show job (a timer in the local cloud, an EventBridge rule in AWS): once a session
 * that took attendance (at least one check-in) ended `noShowAfterHours` ago, its confirmed bookings
 * that nobody checked in become no-shows, and the no-show policy may block their students. A session
 * where nobody was checked in is left alone: staff did not take attendance, so nobody is blamed.
 * Each session is its own transaction, so a failure leaves the others done; running twice is harmless.
 */
export async function markOverdueNoShows(services: Pick<Services, 'db' | 'events' | 'now'>): Promise<NoShowRun> {
  const now = services.now();
  const endedBefore = new Date(now.getTime() - ATTENDANCE_LIMITS.noShowAfterHours * HOUR);
  const startedAfter = new Date(now.getTime() - ATTENDANCE_LIMITS.noShowLookbackDays * 24 * HOUR);
  const due = await services.db
    .selectFrom('class_sessions as s')
    .select(['s.id', 's.university_id'])
    .where('s.status', '=', 'SCHEDULED')
    .where('s.starts_at', '>=', startedAfter)
    .where(sql<boolean>`s.starts_at + s.duration_minutes * interval '1 minute' <= ${endedBefore}`)
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('bookings as c')
            .select('c.user_id')
            .whereRef('c.session_id', '=', 's.id')
            .where('c.status', '=', 'CHECKED_IN'),
        ),
        eb.exists(
          eb
            .selectFrom('bookings as o')
            .select('o.user_id')
            .whereRef('o.session_id', '=', 's.id')
            .where('o.status', '=', 'CONFIRMED'),
        ),
      ]),
    )
    .orderBy('s.starts_at')
    .execute();

  const rulesOf = new Map<string, Promise<Rules>>();
  const run: NoShowRun = { sessions: 0, noShows: 0, blocks: 0 };
  for (const session of due) {
    if (!rulesOf.has(session.university_id)) {
      rulesOf.set(session.university_id, loadUniversityRules(services.db, session.university_id));
    }
    const rules = await rulesOf.get(session.university_id)!;
    const { marked, blocks } = await runWrite(services, async (trx, effects) => {
      // The session's lock, as staff marking attendance take it: never both at once.
      await trx.selectFrom('class_sessions').select('id').where('id', '=', session.id).forUpdate().execute();
      const rows = await trx
        .updateTable('bookings')
        .set({ status: 'NO_SHOW', updated_at: now })
        .where('session_id', '=', session.id)
        .where('status', '=', 'CONFIRMED')
        .returning('user_id')
        .execute();
      const users = rows.map((r) => r.user_id);
      const started = await applyNoShowPolicy(trx, session.university_id, rules, users, now);
      if (users.length) effects.sessions.push({ sessionId: session.id, kind: 'NO_SHOW' });
      return { marked: users.length, blocks: started.length };
    });
    run.sessions += 1;
    run.noShows += marked;
    run.blocks += blocks;
  }
  return run;
}
