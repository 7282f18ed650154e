import type { Caller, Services } from '../context.js';
import { conflict, forbidden, rateLimited } from '../errors.js';
import { rateLimitsOf } from '../shared/rateLimit.js';
import { ACTIVITY_LIMITS } from '../rules/limits.js';
import { requireText } from '../validation.js';
import { addConfirmed, findParticipation, participationState, promoteFromWaitlist, setStatus } from './queue.js';
import { requireActivityId } from './validate.js';
import { participationView } from './views.js';
import { aboutActivity, lockActivity, requireOpenForChanges, runWrite } from './write.js';

/** A participant's own actions: join or ask to join, and leave, withdraw or leave the waitlist. */

function parseNote(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return (
    requireText(value, { field: 'note', subject: 'note', label: 'Note', multiline: true, ...ACTIVITY_LIMITS.note }) ||
    null
  );
}

export async function joinActivity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.activityId);
  const note = parseNote(args.note);
  const now = services.now();
  const result = await runWrite(services, async (trx, effects) => {
    const activity = await lockActivity(trx, caller, id);
    if (activity.host_id === caller.sub)
      throw conflict('activity.hostIsIn', 'You host this activity, so you are already in it.');
    requireOpenForChanges(activity, now, 'join it');
    const state = await participationState(trx, activity, caller.sub);
    // Says no more than that: who blocked whom is not the caller's to learn.
    if (state.blockedByHost) throw forbidden('activity.notAllowed', "You can't join this activity.");

    const existing = state.existing;
    if (existing && ['JOINED', 'REQUESTED', 'WAITLISTED'].includes(existing.status)) {
      return { activity, row: existing, position: state.position }; // a retry changes nothing
    }
    if (existing?.status === 'DECLINED')
      throw forbidden('activity.declined', 'The host declined your request to join this activity.');
    if (existing?.status === 'REMOVED') throw forbidden('activity.removed', 'The host removed you from this activity.');

    if (activity.join_policy === 'APPROVAL') {
      // A withdrawn request is renewed only after a pause, and the host hears of one person's
      // requests to one activity once: a request/withdraw loop cannot flood the host.
      if (existing?.status === 'WITHDRAWN') {
        const { joinRenewalMinutes } = rateLimitsOf(services);
        const retryAt = new Date(existing.updated_at.getTime() + joinRenewalMinutes * 60_000);
        if (retryAt > now) {
          throw rateLimited(
            'rateLimit.joinRenewal',
            `You withdrew your request a moment ago. You can ask to join again from ${retryAt.toISOString()}.`,
            retryAt,
            now,
            { minutes: joinRenewalMinutes },
          );
        }
      }
      const row = await setStatus(trx, id, caller.sub, 'REQUESTED', now, note);
      const toldBefore = await trx
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', activity.host_id)
        .where('activity_id', '=', id)
        .where('type', '=', 'JOIN_REQUEST_RECEIVED')
        .where('actor_id', '=', caller.sub)
        .limit(1)
        .executeTakeFirst();
      if (!toldBefore) {
        effects.notify.push({
          userId: activity.host_id,
          type: 'JOIN_REQUEST_RECEIVED',
          actorId: caller.sub,
          activityId: id,
          data: { ...aboutActivity(activity), note },
        });
      }
      effects.changes.push({ activityId: id, kind: 'REQUESTED', userId: caller.sub, hostId: activity.host_id });
      return { activity, row, position: null };
    }
    // Open: a free place is taken at once (if nobody is already waiting for it), else the back of the line.
    const hasPlace = activity.confirmed_count < activity.capacity && state.waitlistLength === 0;
    const row = await setStatus(trx, id, caller.sub, hasPlace ? 'JOINED' : 'WAITLISTED', now, null, hasPlace ? 1 : 0);
    if (hasPlace) Object.assign(activity, { confirmed_count: activity.confirmed_count + 1, updated_at: now });
    effects.changes.push({
      activityId: id,
      kind: hasPlace ? 'JOINED' : 'WAITLISTED',
      userId: caller.sub,
      hostId: activity.host_id,
    });
    // Under the activity's lock nobody else joins the line: a new waitlisted person is its last.
    return { activity, row, position: hasPlace ? null : state.waitlistLength + 1 };
  });
  return participationView(services.db, caller, result.activity.host_id, result.row, result.position);
}

export async function leaveActivity(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.activityId);
  const now = services.now();
  const result = await runWrite(services, async (trx, effects) => {
    const activity = await lockActivity(trx, caller, id);
    if (activity.host_id === caller.sub) {
      throw conflict('activity.hostCannotLeave', "You host this activity: cancel it instead if you can't make it.");
    }
    const existing = await findParticipation(trx, id, caller.sub);
    if (!existing || !['JOINED', 'REQUESTED', 'WAITLISTED'].includes(existing.status)) {
      throw conflict('activity.notIn', 'You are not in this activity, so there is nothing to leave.');
    }
    requireOpenForChanges(activity, now, 'leave it');
    const next = existing.status === 'REQUESTED' ? 'WITHDRAWN' : 'LEFT';
    const row = await setStatus(trx, id, caller.sub, next, now);
    effects.changes.push({ activityId: id, kind: next, userId: caller.sub, hostId: activity.host_id });
    if (existing.status === 'JOINED') {
      // The freed place goes to the first person waiting.
      await addConfirmed(trx, activity, -1, now);
      await promoteFromWaitlist(trx, activity, effects, now);
    }
    return { activity, row };
  });
  return participationView(services.db, caller, result.activity.host_id, result.row, null);
}
