import { sql, type Kysely } from 'kysely';
import type { Caller } from '../context.js';
import type { BookingRow, ClassRow, ClassSessionRow, Database } from '../db/types.js';
import type { SessionState, Sport } from '../generated/graphql.js';
import { loadPublicProfiles, toPublicProfile, type PublicProfileView } from '../profiles/publicProfile.js';
import { sessionTimes, type Rules } from './rules.js';

/**
 * Rows → the API's objects. AppSync gets whole nested objects (no nested resolvers), so each
 * builder loads what a page needs with a few batched queries, never one query per row.
 */

export const iso = (date: Date | null) => (date ? date.toISOString() : null);

export type ClassView = ReturnType<typeof toClassView>;

export const toClassView = (row: ClassRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  sport: row.sport,
  instructor: row.instructor,
  place: row.place,
  capacity: row.capacity,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export interface BookingCore {
  sessionId: string;
  user: PublicProfileView;
  status: BookingRow['status'];
  position: number | null;
  createdAt: string;
  cancelledAt: string | null;
  checkedInAt: string | null;
  checkInCode: string | null;
}

const ACTIVE = new Set(['CONFIRMED', 'CHECKED_IN']);

/** What the caller sees for one session on the timetable, in the order the rules decide it. */
function stateOf(session: ClassSessionRow, rules: Rules, mine: BookingCore | null, now: number): SessionState {
  const times = sessionTimes(session, rules);
  if (session.status === 'CANCELLED') return 'CANCELLED';
  if (now >= times.startsAt) return 'PAST';
  if (mine && ACTIVE.has(mine.status)) return 'BOOKED';
  if (mine?.status === 'WAITLISTED') return 'WAITLISTED';
  if (now < times.bookingOpensAt) return 'NOT_YET_OPEN';
  const full = session.confirmed_count >= session.capacity;
  if (full && now >= times.waitlistClosesAt) return 'CLOSED';
  return full ? 'FULL' : 'OPEN';
}

const key = (sessionId: string, userId: string) => `${sessionId}|${userId}`;

/** 1-based waitlist places (FIFO by queued_seq) of everyone waitlisted on these sessions. */
export async function loadPositions(db: Kysely<Database>, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select([
      'session_id',
      'user_id',
      sql<number>`(row_number() over (partition by session_id order by queued_seq))::int`.as('position'),
    ])
    .where('session_id', 'in', [...new Set(sessionIds)])
    .where('status', '=', 'WAITLISTED')
    .execute();
  return new Map(rows.map((r) => [key(r.session_id, r.user_id), Number(r.position)]));
}

/**
 * `position` is the booking's 1-based waitlist place; it is only shown while the booking is waitlisted.
 * The check-in code is shown to its own student alone (`own`), and only while it holds a place.
 */
export function toBookingCore(
  row: BookingRow,
  user: PublicProfileView,
  position: number | null,
  own: boolean,
): BookingCore {
  return {
    sessionId: row.session_id,
    user,
    status: row.status,
    position: row.status === 'WAITLISTED' ? position : null,
    createdAt: row.created_at.toISOString(),
    cancelledAt: iso(row.cancelled_at),
    checkedInAt: iso(row.checked_in_at),
    checkInCode: own && ACTIVE.has(row.status) ? row.check_in_code : null,
  };
}

/** One session as the caller sees it, from what is already in hand (no query). */
export function toSessionView(
  s: ClassSessionRow,
  sportsClass: ReturnType<typeof toClassView>,
  waitlistCount: number,
  myBooking: BookingCore | null,
  rules: Rules,
  now: Date,
) {
  const times = sessionTimes(s, rules);
  return {
    id: s.id,
    classId: s.class_id,
    sportsClass,
    startsAt: s.starts_at.toISOString(),
    durationMinutes: s.duration_minutes,
    endsAt: new Date(times.endsAt).toISOString(),
    capacity: s.capacity,
    place: s.place ?? sportsClass.place,
    status: s.status,
    confirmedCount: s.confirmed_count,
    placesLeft: Math.max(0, s.capacity - s.confirmed_count),
    waitlistCount,
    bookingOpensAt: new Date(times.bookingOpensAt).toISOString(),
    freeCancelUntil: new Date(times.freeCancelUntil).toISOString(),
    waitlistClosesAt: new Date(times.waitlistClosesAt).toISOString(),
    checkInOpensAt: new Date(times.checkInOpensAt).toISOString(),
    state: stateOf(s, rules, myBooking, now.getTime()),
    // Only the booking's own fields here: its `session` would point back at this object.
    myBooking,
    cancelledAt: iso(s.cancelled_at),
    cancelReason: s.cancel_reason,
  };
}

/** The class columns of a row that joined `classes as c` with `c_` aliases (see selectClassAs). */
export interface ClassColumns {
  c_id: string;
  c_name: string;
  c_description: string;
  c_sport: Sport;
  c_instructor: string;
  c_place: string;
  c_capacity: number;
  c_created_at: Date;
  c_updated_at: Date;
}

/** The columns of `classes as c` that a class view needs, aliased so they never clash with a session's. */
export const CLASS_COLUMNS = [
  'c.id as c_id',
  'c.name as c_name',
  'c.description as c_description',
  'c.sport as c_sport',
  'c.instructor as c_instructor',
  'c.place as c_place',
  'c.capacity as c_capacity',
  'c.created_at as c_created_at',
  'c.updated_at as c_updated_at',
] as const;

const CLASS_KEYS = [
  'c_id',
  'c_name',
  'c_description',
  'c_sport',
  'c_instructor',
  'c_place',
  'c_capacity',
  'c_created_at',
  'c_updated_at',
] as const satisfies readonly (keyof ClassColumns)[];

/** Splits a row that joined `classes as c` into the class's view and the rest of the row. */
export function splitClassColumns<T extends ClassColumns>(
  row: T,
): { sportsClass: ClassView; rest: Omit<T, keyof ClassColumns> } {
  const rest: Record<string, unknown> = { ...(row as object) };
  for (const key of CLASS_KEYS) delete rest[key];
  const sportsClass = toClassView({
    id: row.c_id,
    university_id: '',
    name: row.c_name,
    description: row.c_description,
    sport: row.c_sport,
    instructor: row.c_instructor,
    place: row.c_place,
    capacity: row.c_capacity,
    created_by: '',
    created_at: row.c_created_at,
    updated_at: row.c_updated_at,
  });
  return { sportsClass, rest: rest as Omit<T, keyof ClassColumns> };
}

/**
 * Everything the views of these sessions need, in one query: the session row, its class, its
 * waitlist length, and the caller's own booking with its waitlist place.
 */
async function loadSessionDetails(db: Kysely<Database>, caller: Caller, sessionIds: readonly string[]) {
  const rows = await db
    .selectFrom('class_sessions as s')
    .innerJoin('classes as c', 'c.id', 's.class_id')
    .leftJoin('bookings as b', (join) => join.onRef('b.session_id', '=', 's.id').on('b.user_id', '=', caller.sub))
    .selectAll('s')
    .select(CLASS_COLUMNS)
    .select([
      'b.status as b_status',
      'b.queued_seq as b_queued_seq',
      'b.created_at as b_created_at',
      'b.updated_at as b_updated_at',
      'b.cancelled_at as b_cancelled_at',
      'b.checked_in_at as b_checked_in_at',
      'b.check_in_code as b_check_in_code',
      (eb) =>
        eb
          .selectFrom('bookings as w')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('w.session_id', '=', 's.id')
          .where('w.status', '=', 'WAITLISTED')
          .as('waitlist_count'),
      (eb) =>
        eb
          .selectFrom('bookings as w')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('w.session_id', '=', 's.id')
          .where('w.status', '=', 'WAITLISTED')
          .whereRef('w.queued_seq', '<', 'b.queued_seq')
          .as('b_ahead'),
    ])
    .where('s.id', 'in', [...new Set(sessionIds)])
    .execute();
  const me = toPublicProfile(caller.profile);
  return new Map(
    rows.map((row) => {
      const {
        b_status,
        b_queued_seq,
        b_created_at,
        b_updated_at,
        b_cancelled_at,
        b_checked_in_at,
        b_check_in_code,
        waitlist_count,
        b_ahead,
        ...withClass
      } = row;
      const { sportsClass, rest: session } = splitClassColumns(withClass);
      const mine: BookingCore | null =
        b_status && b_created_at && b_updated_at && b_queued_seq !== null
          ? toBookingCore(
              {
                session_id: session.id,
                user_id: caller.sub,
                status: b_status,
                queued_seq: b_queued_seq,
                created_at: b_created_at,
                updated_at: b_updated_at,
                cancelled_at: b_cancelled_at,
                checked_in_at: b_checked_in_at,
                check_in_code: b_check_in_code,
              },
              me,
              Number(b_ahead ?? 0) + 1,
              true,
            )
          : null;
      return [session.id, { session, sportsClass, waitlistCount: Number(waitlist_count ?? 0), mine }] as const;
    }),
  );
}

/** Sessions as the caller sees them: class, counts, timing and the caller's own booking. */
export async function buildSessionViews(
  db: Kysely<Database>,
  caller: Caller,
  rules: Rules,
  sessions: ClassSessionRow[],
  now: Date,
) {
  if (!sessions.length) return [];
  const details = await loadSessionDetails(
    db,
    caller,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => {
    const d = details.get(s.id)!;
    return toSessionView(s, d.sportsClass, d.waitlistCount, d.mine, rules, now);
  });
}

export type SessionView = Awaited<ReturnType<typeof buildSessionViews>>[number];

/** Bookings with their session (as the caller sees it) and their person. */
export async function buildBookingViews(
  db: Kysely<Database>,
  caller: Caller,
  rules: Rules,
  bookings: BookingRow[],
  now: Date,
) {
  if (!bookings.length) return [];
  const sessionIds = [...new Set(bookings.map((b) => b.session_id))];
  const others = bookings.filter((b) => b.user_id !== caller.sub);
  const waitlistedOthers = others.filter((b) => b.status === 'WAITLISTED').map((b) => b.session_id);
  const [details, people, positions] = await Promise.all([
    loadSessionDetails(db, caller, sessionIds),
    // The caller's own profile and waitlist places come with the sessions; only other people's need asking.
    loadPublicProfiles(
      db,
      others.map((b) => b.user_id),
    ),
    loadPositions(db, waitlistedOthers),
  ]);
  const me = toPublicProfile(caller.profile);
  return bookings.map((b) => {
    const d = details.get(b.session_id)!;
    const core =
      b.user_id === caller.sub
        ? toBookingCore(b, me, d.mine?.position ?? null, true)
        : toBookingCore(b, people.get(b.user_id)!, positions.get(key(b.session_id, b.user_id)) ?? null, false);
    return { ...core, session: toSessionView(d.session, d.sportsClass, d.waitlistCount, d.mine, rules, now) };
  });
}

export async function buildBookingView(
  db: Kysely<Database>,
  caller: Caller,
  rules: Rules,
  booking: BookingRow,
  now: Date,
) {
  const [view] = await buildBookingViews(db, caller, rules, [booking], now);
  return view!;
}
