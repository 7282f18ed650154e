import { sql } from 'kysely';
import { isAdmin, type Caller } from '../context.js';
import type { BookingBlockRow } from '../db/types.js';
import { forbidden, notFound, validation } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import {
  loadPublicProfiles,
  requireSameUniversityUser,
  toPublicProfile,
  type PublicProfileView,
} from '../profiles/publicProfile.js';
import { BOOKING_RULE_LIMITS, type BookingRuleName } from '../rules/limits.js';
import { runWrite } from '../shared/transaction.js';
import { requireInt, requireObject } from '../validation.js';
import { requireStaff } from './access.js';
import { toBookingRulesView } from './classes.js';
import { activeBlock, countedNoShows } from './noShows.js';
import { RULE_COLUMNS, loadRules, toRules } from './rules.js';
import { iso } from './views.js';

/** The no-show policy as people meet it: a student's record, staff's list of blocks, admins' rules. */

const DAY = 86_400_000;

const toBlockView = (row: BookingBlockRow, user: PublicProfileView) => ({
  id: row.id,
  user,
  startsAt: row.starts_at.toISOString(),
  endsAt: row.ends_at.toISOString(),
  noShows: row.no_shows,
  liftedAt: iso(row.lifted_at),
});

export const myBookingRecord: FieldResolvers['Query.myBookingRecord'] = async (caller, _args, services) => {
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const windowStart = new Date(now.getTime() - rules.noShowWindowDays * DAY);
  const [counts, counted, block] = await Promise.all([
    services.db
      .selectFrom('bookings as b')
      .innerJoin('class_sessions as s', 's.id', 'b.session_id')
      .select([
        // Late cancels still on a booking, and those kept when the session was booked again (book.ts).
        sql<number>`count(*) filter (where b.status = 'LATE_CANCELLED' and b.cancelled_at >= ${windowStart})::int
          + (select count(*) from late_cancels lc where lc.user_id = ${caller.sub} and lc.cancelled_at >= ${windowStart})::int`.as(
          'late',
        ),
        sql<number>`count(*) filter (where b.status = 'NO_SHOW' and s.starts_at >= ${windowStart})::int`.as('noShows'),
      ])
      .where('b.user_id', '=', caller.sub)
      .executeTakeFirstOrThrow(),
    countedNoShows(services.db, caller.sub, rules, now),
    activeBlock(services.db, caller.sub, now),
  ]);
  const me = toPublicProfile(caller.profile);
  return {
    windowDays: rules.noShowWindowDays,
    lateCancels: Number(counts.late),
    noShows: Number(counts.noShows),
    countedNoShows: counted,
    noShowLimit: rules.noShowLimit,
    blockDays: rules.noShowBlockDays,
    block: block ? toBlockView(block, me) : null,
  };
};

export const bookingBlocks: FieldResolvers['Query.bookingBlocks'] = async (caller, _args, services) => {
  requireStaff(caller);
  const now = services.now();
  const rows = await services.db
    .selectFrom('booking_blocks')
    .selectAll()
    .where('university_id', '=', caller.profile.university_id)
    .where('lifted_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('ends_at')
    .orderBy('id')
    .execute();
  const people = await loadPublicProfiles(
    services.db,
    rows.map((r) => r.user_id),
  );
  return rows.map((row) => toBlockView(row, people.get(row.user_id)!));
};

export const liftBookingBlock: FieldResolvers['Mutation.liftBookingBlock'] = async (caller, args, services) => {
  requireStaff(caller);
  const now = services.now();
  const { row, person } = await runWrite(services, async (trx) => {
    const person = await requireSameUniversityUser(trx, caller, args.userId);
    const block = await activeBlock(trx, person.id, now);
    if (!block) throw notFound('block.notFound', `A no-show block of ${person.display_name}`);
    const row = await trx
      .updateTable('booking_blocks')
      .set({ lifted_at: now, lifted_by: caller.sub })
      .where('id', '=', block.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, person };
  });
  return toBlockView(row, toPublicProfile(person));
};

export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw forbidden('admin.only', 'Only administrators can do this.');
}

const COLUMN_OF: Record<BookingRuleName, (typeof RULE_COLUMNS)[number]> = {
  bookingOpensDaysBefore: 'booking_opens_days',
  freeCancelMinutesBefore: 'free_cancel_minutes',
  maxBookingsPerDay: 'max_bookings_per_day',
  waitlistClosesMinutesBefore: 'waitlist_closes_minutes',
  noShowLimit: 'no_show_limit',
  noShowWindowDays: 'no_show_window_days',
  noShowBlockDays: 'no_show_block_days',
};

/** Administrators change their own university's rules; what they leave out keeps its value. */
export const updateBookingRules: FieldResolvers['Mutation.updateBookingRules'] = async (caller, args, services) => {
  requireAdmin(caller);
  const input = requireObject(args.input, 'input');
  const changes: Record<string, number> = {};
  for (const name of Object.keys(COLUMN_OF) as BookingRuleName[]) {
    if (input[name] == null) continue;
    changes[COLUMN_OF[name]] = requireInt(
      input[name],
      { field: `input.${name}`, code: 'rules.outOfRange', label: 'This rule' },
      BOOKING_RULE_LIMITS[name],
    );
  }
  if (!Object.keys(changes).length)
    throw validation('input.noChanges', 'Change at least one rule.', { field: 'input' });
  const row = await services.db
    .updateTable('universities')
    .set(changes)
    .where('id', '=', caller.profile.university_id)
    .returning(RULE_COLUMNS)
    .executeTakeFirstOrThrow();
  return toBookingRulesView(toRules(row));
};
