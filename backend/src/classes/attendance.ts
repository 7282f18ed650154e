import { conflict, notFound } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import type { Caller, Services } from '../context.js';
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.js';
import { findSession, requireStaff } from './access.js';
import { loadRules, sessionTimes } from './rules.js';
import { runWrite } from '../shared/transaction.js';
import { requireSameUniversityUser } from '../profiles/publicProfile.js';
import { buildBookingView, buildBookingViews } from './views.js';
import { normalizeCheckInCode } from './checkInCode.js';
import { applyNoShowPolicy, reconsiderBlock } from './noShows.js';

/** Staff at the door: the attendee list, check-in and no-shows. */

const LIST_ORDER = ['CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'WAITLISTED'] as const;

/** Everyone with a place (in booking order, so the list does not jump as people check in), then the waitlist in order. */
export const sessionAttendees: FieldResolvers['Query.sessionAttendees'] = async (caller, args, services) => {
  requireStaff(caller);
  const now = services.now();
  const session = await findSession(services.db, caller, args.sessionId);
  const rules = await loadRules(services.db, caller);
  const rows = await services.db
    .selectFrom('bookings')
    .selectAll()
    .where('session_id', '=', session.id)
    .where('status', 'in', LIST_ORDER)
    .orderBy((eb) => eb.case().when('status', '=', 'WAITLISTED').then(1).else(0).end())
    .orderBy('queued_seq')
    .execute();
  return buildBookingViews(services.db, caller, rules, rows, now);
};

type Attendance = 'CHECKED_IN' | 'NO_SHOW';

/**
 * Check-in or no-show for one person (by id, or by the code their booking shows). A no-show may
 * start a no-show block; correcting one (checking in someone marked absent) may end it again.
 */
async function markAttendance(
  caller: Caller,
  args: Record<string, unknown>,
  services: Services,
  target: Attendance,
  byCode?: string,
) {
  requireStaff(caller);
  const now = services.now();
  const rules = await loadRules(services.db, caller);
  const booking = await runWrite(services, async (trx, effects) => {
    const session = await findSession(trx, caller, args.sessionId, true);
    const person = byCode
      ? await personWithCode(trx, session.id, byCode)
      : await requireSameUniversityUser(trx, caller, args.userId);
    const times = sessionTimes(session, rules);
    if (session.status === 'CANCELLED') {
      throw conflict('session.cancelled', 'This session was cancelled: there is nobody to check in.');
    }
    if (target === 'CHECKED_IN') {
      if (now.getTime() < times.checkInOpensAt)
        throw conflict('checkIn.notOpenYet', 'Check-in opens 30 minutes before the start. Try again then.', {
          opensAt: new Date(times.checkInOpensAt).toISOString(),
        });
      if (now.getTime() >= times.endsAt)
        throw conflict(
          'checkIn.closed',
          'This session has ended: check-in is closed. Mark a no-show instead if needed.',
        );
    } else if (now.getTime() < times.startsAt) {
      throw conflict('noShow.tooEarly', 'A no-show can only be marked after the session has started.');
    }
    const existing = await trx
      .selectFrom('bookings')
      .selectAll()
      .where('session_id', '=', session.id)
      .where('user_id', '=', person.id)
      .executeTakeFirst();
    if (!existing) throw notFound('booking.notFound', `A booking of ${person.display_name} for this session`);
    if (existing.status === target) return existing;
    // Both keep their place in confirmed_count, so switching between them never changes the count.
    const allowed: (typeof existing.status)[] = target === 'CHECKED_IN' ? ['CONFIRMED', 'NO_SHOW'] : ['CONFIRMED'];
    if (!allowed.includes(existing.status)) {
      throw conflict(
        'checkIn.notBooked',
        target === 'CHECKED_IN'
          ? `${person.display_name} has no confirmed place in this session (${existing.status.toLowerCase().replace('_', ' ')}).`
          : `${person.display_name} cannot be marked as a no-show: their booking is ${existing.status.toLowerCase().replace('_', ' ')}.`,
        { status: existing.status, name: person.display_name },
      );
    }
    const updated = await trx
      .updateTable('bookings')
      .set({ status: target, checked_in_at: target === 'CHECKED_IN' ? now : null, updated_at: now })
      .where('session_id', '=', session.id)
      .where('user_id', '=', person.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (target === 'NO_SHOW') await applyNoShowPolicy(trx, session.university_id, rules, [person.id], now);
    else if (existing.status === 'NO_SHOW') await reconsiderBlock(trx, person.id, rules, now);
    effects.sessions.push({ sessionId: session.id, kind: target, userId: person.id });
    return updated;
  });
  return buildBookingView(services.db, caller, rules, booking, now);
}

/** The person whose booking of this session carries the code; an unknown code is "not found". */
async function personWithCode(trx: Transaction<Database>, sessionId: string, raw: string) {
  const code = normalizeCheckInCode(raw);
  const row = code
    ? await trx
        .selectFrom('bookings as b')
        .innerJoin('profiles as p', 'p.id', 'b.user_id')
        .selectAll('p')
        .where('b.session_id', '=', sessionId)
        .where('b.check_in_code', '=', code)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('checkIn.codeNotFound', 'A booking with that code for this session');
  return row;
}

export const checkIn: FieldResolvers['Mutation.checkIn'] = (caller, args, services) =>
  markAttendance(caller, args, services, 'CHECKED_IN');
export const checkInByCode: FieldResolvers['Mutation.checkInByCode'] = (caller, args, services) =>
  markAttendance(caller, args, services, 'CHECKED_IN', typeof args.code === 'string' ? args.code : '');
export const markNoShow: FieldResolvers['Mutation.markNoShow'] = (caller, args, services) =>
  markAttendance(caller, args, services, 'NO_SHOW');
