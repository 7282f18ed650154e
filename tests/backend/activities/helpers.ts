import { sql } from 'kysely';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { ensureProfile } from '../../../backend/src/profiles/ensureProfile.js';
import { handlerFor, makeEvent, makeIdentity, makeServices, openTestDatabase } from '../api/harness.js';

/** One database, handler and set of people per test file, and small builders for activities. */

export type Kind = 'Query' | 'Mutation' | 'Subscription';
export type Json = Record<string, unknown>;
export interface ActivityView extends Json {
  id: string;
  participants: ParticipationView[];
  waitlist: ParticipationView[];
  requests: ParticipationView[];
  myParticipation: ParticipationView | null;
}
export interface ParticipationView extends Json {
  user: { id: string; displayName: string };
  status: string;
  position: number | null;
  note: string | null;
}

export async function openActivitiesWorld() {
  const database: DatabaseHandle = await openTestDatabase();
  const services = makeServices(database.db);
  const handler = handlerFor(services);
  const call = <T = Json>(type: Kind, field: string, args: Json, sub: string) =>
    handler(makeEvent(type, field, args, makeIdentity(sub))) as Promise<T>;

  const user = async (sub: string, email: string, name = sub) => {
    await ensureProfile(database.db, { sub, email, name, groups: [] });
    return sub;
  };

  const create = (host: string, overrides: Json = {}) =>
    call<ActivityView>('Mutation', 'createActivity', { input: activityInput(overrides) }, host);

  /** Moves an activity's start into the past, as time passing would. */
  const age = (id: string, minutesAgo = 30) =>
    database.db
      .updateTable('activities')
      .set({ starts_at: new Date(Date.now() - minutesAgo * 60_000) })
      .where('id', '=', id)
      .execute();

  /** Everything an activities call may write, to prove a refused call wrote nothing. */
  const snapshot = async () => ({
    activities: await database.db.selectFrom('activities').selectAll().orderBy('id').execute(),
    participations: await database.db
      .selectFrom('participations')
      .selectAll()
      .orderBy('activity_id')
      .orderBy('user_id')
      .execute(),
    notifications: Number(
      (await sql<{ n: string }>`select count(*) as n from notifications`.execute(database.db)).rows[0]!.n,
    ),
  });

  /** Sets the resolvers' clock; `null` goes back to the real one. */
  const setNow = (at: Date | null) => {
    services.now = at ? () => at : () => new Date();
  };

  return { database, services, handler, call, user, create, age, snapshot, setNow };
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

export function activityInput(overrides: Json = {}): Json {
  return {
    sport: 'BASKETBALL',
    title: 'Pickup basketball',
    description: 'Friendly 3-on-3, bring water.',
    place: 'Sportoase court 2',
    mapUrl: 'https://maps.example.com/?q=sportoase',
    startsAt: hoursFromNow(24),
    durationMinutes: 90,
    capacity: 6,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
    ...overrides,
  };
}
