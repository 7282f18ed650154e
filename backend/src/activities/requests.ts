import type { Caller, Services } from '../context.js';
import { conflict, notFound } from '../errors.js';
import {
  addConfirmed,
  findParticipation,
  promoteFromWaitlist,
  setStatus,
  waitlistLength,
  waitlistPosition,
} from './queue.js';
import { requireActivityId, requireBoolean, requireUserId } from './validate.js';
import { participationView } from './views.js';
import { aboutActivity, lockActivity, requireHost, requireOpenForChanges, runWrite } from './write.js';

/** The host's decisions about people: answer a join request, remove a participant. */

export async function respondToJoinRequest(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.activityId);
  const userId = requireUserId(args.userId, 'joinRequest.notFound', 'That join request');
  const approve = requireBoolean(args.approve, { field: 'approve', code: 'approve.invalid', label: 'approve' });
  const now = services.now();
  const result = await runWrite(services, async (trx, effects) => {
    const activity = await lockActivity(trx, caller, id);
    requireHost(activity, caller, 'answer join requests');
    const request = await findParticipation(trx, id, userId);
    if (!request) throw notFound('joinRequest.notFound', 'That join request');
    if (request.status !== 'REQUESTED')
      throw conflict('joinRequest.answered', 'This request was already answered or withdrawn.');
    requireOpenForChanges(activity, now, 'answer requests any more');

    if (!approve) {
      const row = await setStatus(trx, id, userId, 'DECLINED', now);
      effects.notify.push({
        userId,
        type: 'JOIN_REQUEST_DECLINED',
        actorId: caller.sub,
        activityId: id,
        data: aboutActivity(activity),
      });
      effects.changes.push({ activityId: id, kind: 'DECLINED', userId, hostId: activity.host_id });
      return { activity, row, position: null };
    }
    // Approved while full: they wait in line like anyone who joins a full activity.
    const hasPlace = activity.confirmed_count < activity.capacity && (await waitlistLength(trx, id)) === 0;
    const row = await setStatus(trx, id, userId, hasPlace ? 'JOINED' : 'WAITLISTED', now);
    if (hasPlace) await addConfirmed(trx, activity, 1, now);
    const position = await waitlistPosition(trx, row);
    effects.notify.push({
      userId,
      type: 'JOIN_REQUEST_APPROVED',
      actorId: caller.sub,
      activityId: id,
      data: { ...aboutActivity(activity), waitlisted: !hasPlace, position },
    });
    effects.changes.push({ activityId: id, kind: 'APPROVED', userId, hostId: activity.host_id });
    return { activity, row, position };
  });
  return participationView(services.db, caller, result.activity.host_id, result.row, result.position);
}

export async function removeParticipant(caller: Caller, args: Record<string, unknown>, services: Services) {
  const id = requireActivityId(args.activityId);
  const userId = requireUserId(args.userId, 'participant.notFound', 'That participant');
  const now = services.now();
  const result = await runWrite(services, async (trx, effects) => {
    const activity = await lockActivity(trx, caller, id);
    requireHost(activity, caller, 'remove participants');
    if (userId === caller.sub) {
      throw conflict('activity.hostCannotLeave', "You host this activity: cancel it instead if you can't make it.");
    }
    const existing = await findParticipation(trx, id, userId);
    if (!existing) throw notFound('participant.notFound', 'That participant');
    if (!['JOINED', 'WAITLISTED', 'REQUESTED'].includes(existing.status)) {
      throw conflict('participant.gone', 'This person is no longer in this activity.');
    }
    requireOpenForChanges(activity, now, 'remove participants');
    const row = await setStatus(trx, id, userId, 'REMOVED', now);
    effects.notify.push({
      userId,
      type: 'PARTICIPANT_REMOVED',
      actorId: caller.sub,
      activityId: id,
      data: aboutActivity(activity),
    });
    effects.changes.push({ activityId: id, kind: 'REMOVED', userId, hostId: activity.host_id });
    if (existing.status === 'JOINED') {
      await addConfirmed(trx, activity, -1, now);
      await promoteFromWaitlist(trx, activity, effects, now);
    }
    return { activity, row };
  });
  return participationView(services.db, caller, result.activity.host_id, result.row, null);
}
