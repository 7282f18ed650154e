import type { Kysely } from 'kysely';
import type { Caller } from '../context.js';
import type { Database, ProfileRow, SportLevelValue } from '../db/types.js';
import { notFound } from '../errors.js';
import { sportLevelsOf } from './sports.js';

export interface PublicProfileView {
  id: string;
  displayName: string;
  universityId: string;
  sports: SportLevelValue[];
  bio: string;
}

/** The profile columns a PublicProfile is made of: select these wherever people are joined in. */
export const PUBLIC_COLUMNS = ['id', 'display_name', 'university_id', 'sports', 'bio'] as const;
export type PublicProfileRow = Pick<ProfileRow, (typeof PUBLIC_COLUMNS)[number]>;

export const toPublicProfile = (row: PublicProfileRow): PublicProfileView => ({
  id: row.id,
  displayName: row.display_name,
  universityId: row.university_id,
  sports: sportLevelsOf(row.sports),
  bio: row.bio,
});

/** Profiles by id, for building views of many rows with one query. */
export async function loadPublicProfiles(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, PublicProfileView>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('profiles').select(PUBLIC_COLUMNS).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, toPublicProfile(row)]));
}

/**
 * Another user of the caller's own university. Anyone else is "not found" — never "forbidden" —
 * so nothing tells a caller that a user exists in another tenant.
 */
export async function requireSameUniversityUser(
  db: Kysely<Database>,
  caller: Caller,
  userId: unknown,
): Promise<ProfileRow> {
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 128)
    throw notFound('person.notFound', 'That person');
  const row = await db
    .selectFrom('profiles')
    .selectAll()
    .where('id', '=', userId)
    .where('university_id', '=', caller.profile.university_id)
    .executeTakeFirst();
  if (!row) throw notFound('person.notFound', 'That person');
  return row;
}

export async function profile(caller: Caller, args: Record<string, unknown>, services: { db: Kysely<Database> }) {
  return toPublicProfile(await requireSameUniversityUser(services.db, caller, args.id));
}
