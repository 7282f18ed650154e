import { sql, type Kysely } from 'kysely';
import type { Caller } from '../context.js';
import type { BookingRow, ClassRow, ClassSessionRow, Database } from '../db/types.js';
import { loadPublicProfiles, type PublicProfileView } from '../profiles/publicProfile.js';
import { sessionTimes, type Rules } from './rules.js';

/**
 * Rows → the API's objects. AppSync gets whole nested objects (no nested resolvers), so each
 * builder loads what a page needs with a few batched queries, never one query per row.
 */

export const iso = (date: Date | null) => (date ? date.toISOString() : null);

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
}

const ACTIVE = new Set(['CONFIRMED', 'CHECKED_IN']);

/** What the caller sees for one session on the timetable, in the order the rules decide it. */
function stateOf(session: ClassSessionRow, rules: Rules, mine: BookingCore | null, now: number) {
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

function toBookingCore(row: BookingRow, user: PublicProfileView, positions: Map<string, number>): BookingCore {
  return {
    sessionId: row.session_id,
    user,
    status: row.status,
    position: row.status === 'WAITLISTED' ? (positions.get(key(row.session_id, row.user_id)) ?? null) : null,
    createdAt: row.created_at.toISOString(),
    cancelledAt: iso(row.cancelled_at),
    checkedInAt: iso(row.checked_in_at),
  };
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
  const sessionIds = sessions.map((s) => s.id);
  const classIds = [...new Set(sessions.map((s) => s.class_id))];
  const [classes, waitlists, mine, positions, me] = await Promise.all([
    db.selectFrom('classes').selectAll().where('id', 'in', classIds).execute(),
    db
      .selectFrom('bookings')
      .select(['session_id', sql<number>`count(*)::int`.as('n')])
      .where('session_id', 'in', sessionIds)
      .where('status', '=', 'WAITLISTED')
      .groupBy('session_id')
      .execute(),
    db
      .selectFrom('bookings')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .where('user_id', '=', caller.sub)
      .execute(),
    loadPositions(db, sessionIds),
    loadPublicProfiles(db, [caller.sub]),
  ]);
  const classById = new Map(classes.map((c) => [c.id, toClassView(c)]));
  const waitlistBySession = new Map(waitlists.map((w) => [w.session_id, Number(w.n)]));
  const myBySession = new Map(mine.map((b) => [b.session_id, toBookingCore(b, me.get(caller.sub)!, positions)]));
  return sessions.map((s) => {
    const times = sessionTimes(s, rules);
    const myBooking = myBySession.get(s.id) ?? null;
    return {
      id: s.id,
      classId: s.class_id,
      sportsClass: classById.get(s.class_id)!,
      startsAt: s.starts_at.toISOString(),
      durationMinutes: s.duration_minutes,
      endsAt: new Date(times.endsAt).toISOString(),
      capacity: s.capacity,
      status: s.status,
      confirmedCount: s.confirmed_count,
      placesLeft: Math.max(0, s.capacity - s.confirmed_count),
      waitlistCount: waitlistBySession.get(s.id) ?? 0,
      bookingOpensAt: new Date(times.bookingOpensAt).toISOString(),
      waitlistClosesAt: new Date(times.waitlistClosesAt).toISOString(),
      state: stateOf(s, rules, myBooking, now.getTime()),
      // Only the booking's own fields here: its `session` would point back at this object.
      myBooking,
      cancelledAt: iso(s.cancelled_at),
    };
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
  const [sessions, people, positions] = await Promise.all([
    db.selectFrom('class_sessions').selectAll().where('id', 'in', sessionIds).execute(),
    loadPublicProfiles(
      db,
      bookings.map((b) => b.user_id),
    ),
    loadPositions(db, sessionIds),
  ]);
  const views = await buildSessionViews(db, caller, rules, sessions, now);
  const sessionById = new Map(views.map((v) => [v.id, v]));
  return bookings.map((b) => ({
    ...toBookingCore(b, people.get(b.user_id)!, positions),
    session: sessionById.get(b.session_id)!,
  }));
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
