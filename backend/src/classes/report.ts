import { sql } from 'kysely';
import type { FieldResolvers } from '../fieldResolvers.js';
import { ATTENDANCE_LIMITS } from '../rules/limits.js';
import { requireInt } from '../validation.js';
import { findClass, requireStaff } from './access.js';
import { loadRules } from './rules.js';
import { fromLocalTime, toLocalTime } from './time.js';
import { toClassView } from './views.js';

/** Attendance per class, by week: what staff look at to size a class or move it to another slot. */

interface Figures {
  sessions: number;
  booked: number;
  attended: number;
  noShows: number;
  lateCancels: number;
}

const zero = (): Figures => ({ sessions: 0, booked: 0, attended: 0, noShows: 0, lateCancels: 0 });

function add(into: Figures, more: Figures): void {
  into.sessions += more.sessions;
  into.booked += more.booked;
  into.attended += more.attended;
  into.noShows += more.noShows;
  into.lateCancels += more.lateCancels;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of the Monday of the week holding `instant`, and that Monday `weeksBack` weeks earlier. */
function mondayOf(instant: Date, timeZone: string, weeksBack = 0): { date: string; start: Date } {
  const local = toLocalTime(instant, timeZone);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay(); // 0 = Sunday
  const day = local.day - ((weekday + 6) % 7) - 7 * weeksBack;
  const start = fromLocalTime({ ...local, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  const shown = toLocalTime(start, timeZone);
  return { date: `${shown.year}-${pad(shown.month)}-${pad(shown.day)}`, start };
}

export const classAttendance: FieldResolvers['Query.classAttendance'] = async (caller, args, services) => {
  requireStaff(caller);
  const sportsClass = await findClass(services.db, caller, args.classId);
  const weeks =
    args.weeks == null
      ? ATTENDANCE_LIMITS.defaultWeeks
      : requireInt(args.weeks, { field: 'weeks', code: 'weeks.outOfRange', label: 'Weeks' }, ATTENDANCE_LIMITS.weeks);
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const first = mondayOf(now, rules.timeZone, weeks - 1);

  // Sessions that have started (only those have attendance); cancelled ones did not take place.
  const rows = await services.db
    .selectFrom('class_sessions as s')
    .leftJoin('bookings as b', 'b.session_id', 's.id')
    .select([
      's.id',
      's.starts_at',
      sql<number>`count(b.user_id) filter (where b.status in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW'))::int`.as('booked'),
      sql<number>`count(b.user_id) filter (where b.status = 'CHECKED_IN')::int`.as('attended'),
      sql<number>`count(b.user_id) filter (where b.status = 'NO_SHOW')::int`.as('noShows'),
      // Late cancels still on a booking, and those kept when the session was booked again (book.ts).
      sql<number>`count(b.user_id) filter (where b.status = 'LATE_CANCELLED')::int
        + (select count(*) from late_cancels lc where lc.session_id = s.id)::int`.as('lateCancels'),
    ])
    .where('s.class_id', '=', sportsClass.id)
    .where('s.status', '=', 'SCHEDULED')
    .where('s.starts_at', '>=', first.start)
    .where('s.starts_at', '<=', now)
    .groupBy(['s.id', 's.starts_at'])
    .execute();

  const byWeek = new Map<string, Figures>();
  for (let back = weeks - 1; back >= 0; back--) byWeek.set(mondayOf(now, rules.timeZone, back).date, zero());
  const totals = zero();
  for (const row of rows) {
    const figures: Figures = {
      sessions: 1,
      booked: Number(row.booked),
      attended: Number(row.attended),
      noShows: Number(row.noShows),
      lateCancels: Number(row.lateCancels),
    };
    const week = byWeek.get(mondayOf(row.starts_at, rules.timeZone).date);
    if (week) add(week, figures);
    add(totals, figures);
  }
  return {
    sportsClass: toClassView(sportsClass),
    weeks: [...byWeek].map(([weekStart, figures]) => ({ weekStart, figures })),
    totals,
  };
};
