import type { FieldResolvers } from '../fieldResolvers.js';
import { findClass, requireStaff } from './access.js';
import { loadRules } from './rules.js';
import { addLocalDays } from './time.js';
import { runWrite } from '../shared/transaction.js';
import { SESSION_LIMITS } from '../rules/limits.js';
import { requireFutureSessionStart, requireInt } from './validate.js';
import { buildSessionViews } from './views.js';

/**
 * One session, or one a week for up to 26 weeks. "Every Tuesday 18:00" means 18:00 on the
 * university's clocks each week, so the weeks are counted in local calendar days: across the
 * DST change the UTC instant moves by an hour and the wall-clock time does not.
 */
export const scheduleSessions: FieldResolvers['Mutation.scheduleSessions'] = async (caller, args, services) => {
  requireStaff(caller);
  const now = services.now();
  const startsAt = requireFutureSessionStart(args.startsAt, now, 'startsAt');
  const durationMinutes = requireInt(
    args.durationMinutes,
    { field: 'durationMinutes', code: 'durationMinutes.outOfRange', label: 'Duration' },
    SESSION_LIMITS.durationMinutes,
  );
  const repeatWeeks =
    args.repeatWeeks == null
      ? 1
      : requireInt(
          args.repeatWeeks,
          { field: 'repeatWeeks', code: 'repeatWeeks.outOfRange', label: 'Repeat weeks' },
          SESSION_LIMITS.repeatWeeks,
        );

  const rules = await loadRules(services.db, caller);
  const rows = await runWrite(services, async (trx) => {
    const sportsClass = await findClass(trx, caller, args.classId);
    const values = Array.from({ length: repeatWeeks }, (_, week) => ({
      class_id: sportsClass.id,
      university_id: caller.profile.university_id,
      starts_at: addLocalDays(startsAt, 7 * week, rules.timeZone),
      duration_minutes: durationMinutes,
      capacity: sportsClass.capacity,
    }));
    return trx.insertInto('class_sessions').values(values).returningAll().execute();
  });
  rows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  return buildSessionViews(services.db, caller, rules, rows, now);
};
