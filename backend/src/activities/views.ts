import type { Kysely, Transaction } from 'kysely';
import type { Caller } from '../context.js';
import type { ActivityRow, Database, ParticipationRow } from '../db/types.js';
import { loadPublicProfiles, toPublicProfile, type PublicProfileView } from '../profiles/publicProfile.js';
import { ACTIVE } from './queue.js';

/**
 * Activity and Participation as the schema shapes them, built whole (AppSync calls no nested
 * resolvers) with one query for all participations and one for all profiles, however many rows.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface ParticipationView {
  activityId: string;
  user: PublicProfileView;
  status: ParticipationRow['status'];
  position: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

const unknownUser = (id: string, universityId: string): PublicProfileView => ({
  id,
  displayName: '',
  universityId,
  sports: [],
  bio: '',
});

export function toParticipationView(
  row: ParticipationRow,
  user: PublicProfileView,
  position: number | null,
  hostId: string,
  caller: Caller,
): ParticipationView {
  // A request's note is between the requester and the host.
  const mayReadNote = caller.sub === hostId || caller.sub === row.user_id;
  return {
    activityId: row.activity_id,
    user,
    status: row.status,
    position: row.status === 'WAITLISTED' ? position : null,
    note: mayReadNote ? row.note : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One participation, for mutations that return it. */
export async function participationView(
  db: Db,
  caller: Caller,
  hostId: string,
  row: ParticipationRow,
  position: number | null,
) {
  // The caller's own participation (joining, leaving) needs no query: their profile is in hand.
  const user =
    row.user_id === caller.sub
      ? toPublicProfile(caller.profile)
      : ((await loadPublicProfiles(db, [row.user_id])).get(row.user_id) ??
        unknownUser(row.user_id, caller.profile.university_id));
  return toParticipationView(row, user, position, hostId, caller);
}

export async function activityViews(db: Db, caller: Caller, activities: ActivityRow[]) {
  if (!activities.length) return [];
  const ids = activities.map((a) => a.id);
  // Participations with their people, in one query.
  const joined = await db
    .selectFrom('participations as pa')
    .leftJoin('profiles as pr', 'pr.id', 'pa.user_id')
    .selectAll('pa')
    .select([
      'pr.display_name as user_display_name',
      'pr.university_id as user_university_id',
      'pr.sports as user_sports',
      'pr.bio as user_bio',
    ])
    .where('pa.activity_id', 'in', ids)
    .where((eb) => eb.or([eb('pa.status', 'in', ACTIVE), eb('pa.user_id', '=', caller.sub)]))
    .orderBy('pa.queued_seq')
    .execute();
  const profiles = new Map<string, PublicProfileView>();
  const rows: ParticipationRow[] = joined.map(
    ({ user_display_name, user_university_id, user_sports, user_bio, ...row }) => {
      if (user_display_name !== null && user_university_id !== null) {
        profiles.set(
          row.user_id,
          toPublicProfile({
            id: row.user_id,
            display_name: user_display_name,
            university_id: user_university_id,
            sports: user_sports ?? [],
            bio: user_bio ?? '',
          }),
        );
      }
      return row;
    },
  );
  // A host is a participant (HOST) too, so normally already known; anyone missing is asked for once.
  const missingHosts = activities.map((a) => a.host_id).filter((hostId) => !profiles.has(hostId));
  if (missingHosts.length) {
    for (const [hostId, profile] of await loadPublicProfiles(db, missingHosts)) profiles.set(hostId, profile);
  }
  const byActivity = new Map<string, ParticipationRow[]>();
  for (const row of rows) byActivity.set(row.activity_id, [...(byActivity.get(row.activity_id) ?? []), row]);
  return activities.map((activity) => buildActivityView(caller, activity, byActivity.get(activity.id) ?? [], profiles));
}

export async function activityView(db: Db, caller: Caller, activity: ActivityRow) {
  const [view] = await activityViews(db, caller, [activity]);
  return view!;
}

function buildActivityView(
  caller: Caller,
  a: ActivityRow,
  rows: ParticipationRow[],
  profiles: Map<string, PublicProfileView>,
) {
  const profileOf = (id: string) => profiles.get(id) ?? unknownUser(id, a.university_id);
  const waitRows = rows.filter((r) => r.status === 'WAITLISTED');
  const positionOf = (row: ParticipationRow) => (row.status === 'WAITLISTED' ? waitRows.indexOf(row) + 1 : null);
  const view = (row: ParticipationRow) =>
    toParticipationView(row, profileOf(row.user_id), positionOf(row), a.host_id, caller);
  // Rows come in arrival order; the host goes first among the confirmed.
  const confirmed = [...rows.filter((r) => r.status === 'HOST'), ...rows.filter((r) => r.status === 'JOINED')];
  const mine = rows.find((r) => r.user_id === caller.sub);
  const isHost = caller.sub === a.host_id;
  return {
    id: a.id,
    sport: a.sport,
    title: a.title,
    description: a.description,
    place: a.place,
    mapUrl: a.map_url,
    startsAt: a.starts_at.toISOString(),
    durationMinutes: a.duration_minutes,
    endsAt: new Date(a.starts_at.getTime() + a.duration_minutes * 60_000).toISOString(),
    capacity: a.capacity,
    skillLevel: a.skill_level,
    joinPolicy: a.join_policy,
    status: a.status,
    host: profileOf(a.host_id),
    participantCount: a.confirmed_count,
    freePlaces: Math.max(0, a.capacity - a.confirmed_count),
    waitlistCount: waitRows.length,
    myParticipation: mine ? view(mine) : null,
    participants: confirmed.map(view),
    requests: isHost ? rows.filter((r) => r.status === 'REQUESTED').map(view) : [],
    waitlist: waitRows.map(view),
    cancelledAt: a.cancelled_at ? a.cancelled_at.toISOString() : null,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}

export type ActivityView = ReturnType<typeof buildActivityView>;
