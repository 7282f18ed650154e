import { conflict, validation } from '../errors.js';
import type { FieldResolvers } from '../fieldResolvers.js';
import type { ClassSessionRow } from '../db/types.js';
import { findSession, requireStaff } from './access.js';
import { loadRules } from './rules.js';
import { runWrite } from '../shared/transaction.js';
import { CLASS_LIMITS, SESSION_LIMITS, SESSION_TEXT_LIMITS } from '../rules/limits.js';
import { noChanges, requireFutureSessionStart, requireInt } from './validate.js';
import { buildSessionViews } from './views.js';
import { noticeData, promoteFromWaitlist } from './waitlist.js';
import { requireObject, requireText } from '../validation.js';

/** Staff changing or cancelling one session; the people booked on it (and waitlisted) are told. */

interface SessionChanges {
  starts_at?: Date;
  duration_minutes?: number;
  capacity?: number;
  place?: string | null;
}

function sessionChanges(input: unknown, now: Date): SessionChanges {
  const raw = requireObject(input, 'input');
  const changes: SessionChanges = {};
  if (raw.startsAt != null) {
    changes.starts_at = requireFutureSessionStart(raw.startsAt, now, 'input.startsAt');
  }
  if (raw.durationMinutes != null) {
    changes.duration_minutes = requireInt(
      raw.durationMinutes,
      { field: 'input.durationMinutes', code: 'durationMinutes.outOfRange', label: 'Duration' },
      SESSION_LIMITS.durationMinutes,
    );
  }
  if (raw.capacity != null) {
    changes.capacity = requireInt(
      raw.capacity,
      { field: 'input.capacity', code: 'capacity.outOfRange', label: 'Capacity' },
      SESSION_LIMITS.capacity,
    );
  }
  if (typeof raw.place === 'string') {
    // An empty place goes back to the class's own.
    changes.place = raw.place.trim()
      ? requireText(raw.place, { field: 'input.place', subject: 'place', label: 'Place', ...CLASS_LIMITS.place })
      : null;
  }
  if (!Object.keys(changes).length) throw noChanges();
  return changes;
}

function requireChangeable(session: ClassSessionRow, now: Date, verb: string): void {
  if (session.status === 'CANCELLED') {
    throw conflict('session.cancelled', `This session was already cancelled, so it cannot be ${verb}.`);
  }
  if (session.starts_at.getTime() <= now.getTime()) {
    throw conflict('session.started', `This session has already started, so it cannot be ${verb}.`);
  }
}

/** Confirmed and waitlisted people: everyone who expects to come or hopes to. */
const expecting = ['CONFIRMED', 'WAITLISTED'] as const;

export const updateSession: FieldResolvers['Mutation.updateSession'] = async (caller, args, services) => {
  requireStaff(caller);
  const now = services.now();
  const changes = sessionChanges(args.input, now);
  const rules = await loadRules(services.db, caller);
  const row = await runWrite(services, async (trx, { notify: notifications, sessions: changed }) => {
    const session = await findSession(trx, caller, args.sessionId, true);
    requireChangeable(session, now, 'changed');
    if (changes.capacity !== undefined && changes.capacity < session.confirmed_count) {
      throw validation(
        'session.capacityBelowConfirmed',
        `Capacity cannot be lower than the ${session.confirmed_count} places already booked. Cancel bookings first or choose a larger capacity.`,
        { field: 'input.capacity', min: session.confirmed_count },
      );
    }
    const timeChanged =
      (changes.starts_at && changes.starts_at.getTime() !== session.starts_at.getTime()) ||
      (changes.duration_minutes !== undefined && changes.duration_minutes !== session.duration_minutes);
    const placeChanged = changes.place !== undefined && changes.place !== session.place;
    const people =
      timeChanged || placeChanged
        ? await trx
            .selectFrom('bookings')
            .select('user_id')
            .where('session_id', '=', session.id)
            .where('status', 'in', expecting)
            .execute()
        : [];
    const updated = await trx
      .updateTable('class_sessions')
      .set({ ...changes, updated_at: now })
      .where('id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (people.length) {
      const data = {
        ...(await noticeData(trx, updated)),
        previousStartsAt: session.starts_at.toISOString(),
        ...(placeChanged ? { place: updated.place } : {}),
      };
      notifications.push(
        ...people.map((p) => ({
          userId: p.user_id,
          type: 'SESSION_CHANGED' as const,
          actorId: caller.sub,
          sessionId: session.id,
          data,
        })),
      );
    }
    // More places: the waitlist moves up, first come first served, while it is still open.
    if (now.getTime() < updated.starts_at.getTime() - rules.waitlistClosesMinutes * 60_000) {
      const promoted = await promoteFromWaitlist(trx, updated, now);
      notifications.push(...promoted);
      changed.push(...promoted.map((p) => ({ sessionId: session.id, kind: 'PROMOTED' as const, userId: p.userId })));
    }
    changed.push({ sessionId: session.id, kind: 'UPDATED' });
    return updated;
  });
  const [view] = await buildSessionViews(services.db, caller, rules, [row], now);
  return view!;
};

export const cancelSession: FieldResolvers['Mutation.cancelSession'] = async (caller, args, services) => {
  requireStaff(caller);
  const now = services.now();
  const reason =
    args.reason == null
      ? null
      : requireText(args.reason, {
          field: 'reason',
          subject: 'cancelReason',
          label: 'Reason',
          multiline: true,
          ...SESSION_TEXT_LIMITS.cancelReason,
        }) || null;
  const rules = await loadRules(services.db, caller);
  const row = await runWrite(services, async (trx, { notify: notifications, sessions: changed }) => {
    const session = await findSession(trx, caller, args.sessionId, true);
    requireChangeable(session, now, 'cancelled');
    // Bookings stay as they were, so everyone keeps their record; the session's status says it will not happen.
    const updated = await trx
      .updateTable('class_sessions')
      .set({ status: 'CANCELLED', cancelled_at: now, cancel_reason: reason, updated_at: now })
      .where('id', '=', session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const people = await trx
      .selectFrom('bookings')
      .select('user_id')
      .where('session_id', '=', session.id)
      .where('status', 'in', expecting)
      .execute();
    const data = { ...(await noticeData(trx, updated)), ...(reason ? { reason } : {}) };
    changed.push({ sessionId: session.id, kind: 'CANCELLED' });
    notifications.push(
      ...people.map((p) => ({
        userId: p.user_id,
        type: 'SESSION_CANCELLED' as const,
        actorId: caller.sub,
        sessionId: session.id,
        data,
      })),
    );
    return updated;
  });
  const [view] = await buildSessionViews(services.db, caller, rules, [row], now);
  return view!;
};
