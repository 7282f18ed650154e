import type { FieldResolvers } from '../fieldResolvers.js';
import { findClass, requireStaff } from './access.js';
import { loadRules, type Rules } from './rules.js';
import { runWrite } from '../shared/transaction.js';
import { classChanges, classInput } from './validate.js';
import { toClassView } from './views.js';

/** The sports centre's classes: the rules students book under, and the catalogue staff keep. */

/** The rules as the API names them. */
export const toBookingRulesView = (rules: Rules) => ({
  bookingOpensDaysBefore: rules.bookingOpensDays,
  freeCancelMinutesBefore: rules.freeCancelMinutes,
  maxBookingsPerDay: rules.maxBookingsPerDay,
  waitlistClosesMinutesBefore: rules.waitlistClosesMinutes,
  noShowLimit: rules.noShowLimit,
  noShowWindowDays: rules.noShowWindowDays,
  noShowBlockDays: rules.noShowBlockDays,
});

export const bookingRules: FieldResolvers['Query.bookingRules'] = async (caller, _args, services) =>
  toBookingRulesView(await loadRules(services.db, caller));

export const classes: FieldResolvers['Query.classes'] = async (caller, _args, services) => {
  const rows = await services.db
    .selectFrom('classes')
    .selectAll()
    .where('university_id', '=', caller.profile.university_id)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toClassView);
};

export const createClass: FieldResolvers['Mutation.createClass'] = async (caller, args, services) => {
  requireStaff(caller);
  const input = classInput(args.input);
  const row = await services.db
    .insertInto('classes')
    .values({ ...input, university_id: caller.profile.university_id, created_by: caller.sub })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toClassView(row);
};

export const updateClass: FieldResolvers['Mutation.updateClass'] = async (caller, args, services) => {
  requireStaff(caller);
  const changes = classChanges(args.input);
  const row = await runWrite(services, async (trx) => {
    const existing = await findClass(trx, caller, args.id, true);
    return trx
      .updateTable('classes')
      .set({ ...changes, updated_at: services.now() })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  return toClassView(row);
};
