import { sql, type Kysely, type Transaction } from 'kysely';
import type { BookingBlockRow, Database } from '../db/types.js';
import type { Rules } from './rules.js';
import { addLocalDays } from './time.js';

/**
 * The no-show policy (docs/product.md): `noShowLimit` no-shows within `noShowWindowDays` block new
 * bookings for `noShowBlockDays`. A block is a row, started the moment the limit is reached (by staff
 * marking a no-show, or by the no-show job), so a student and staff see the same dates and staff can
 * lift it. A no-show counts towards one block only: counting starts at the later of the window's
 * start and the previous block's start.
 */

type Db = Kysely<Database> | Transaction<Database>;
const DAY = 86_400_000;

/** The block that holds for this student at `now`, if any. */
export function activeBlock(db: Db, userId: string, now: Date): Promise<BookingBlockRow | undefined> {
  return db
    .selectFrom('booking_blocks')
    .selectAll()
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('ends_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** No-shows of a student at sessions that started in [from, to]. */
async function countNoShows(db: Db, userId: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('bookings as b')
    .innerJoin('class_sessions as s', 's.id', 'b.session_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('b.user_id', '=', userId)
    .where('b.status', '=', 'NO_SHOW')
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where counting starts for a student now: the window's start, or their last block's start if later. */
export async function countingFrom(db: Db, userId: string, rules: Rules, now: Date): Promise<Date> {
  const last = await db
    .selectFrom('booking_blocks')
    .select('starts_at')
    .where('user_id', '=', userId)
    .orderBy('starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const windowStart = new Date(now.getTime() - rules.noShowWindowDays * DAY);
  return last && last.starts_at > windowStart ? last.starts_at : windowStart;
}

/** The no-shows that count towards the next block. */
export async function countedNoShows(db: Db, userId: string, rules: Rules, now: Date): Promise<number> {
  return countNoShows(db, userId, await countingFrom(db, userId, rules, now), now);
}

/**
 * After no-shows were recorded for these students (inside the same transaction): starts a block
 * for each one whose counted no-shows reached the limit and who is not blocked already.
 */
export async function applyNoShowPolicy(
  trx: Transaction<Database>,
  universityId: string,
  rules: Rules,
  userIds: readonly string[],
  now: Date,
): Promise<BookingBlockRow[]> {
  const started: BookingBlockRow[] = [];
  for (const userId of new Set(userIds)) {
    if (await activeBlock(trx, userId, now)) continue;
    const from = await countingFrom(trx, userId, rules, now);
    const noShows = await countNoShows(trx, userId, from, now);
    if (noShows < rules.noShowLimit) continue;
    started.push(
      await trx
        .insertInto('booking_blocks')
        .values({
          university_id: universityId,
          user_id: userId,
          starts_at: now,
          // Local days, like every other day the rules count: a block started at 18:00 ends at 18:00.
          ends_at: addLocalDays(now, rules.noShowBlockDays, rules.timeZone),
          no_shows: noShows,
          counted_from: from,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return started;
}

/**
 * Staff corrected a no-show (the student did come): the block it helped start is withdrawn if the
 * no-shows it counted no longer reach the limit. Withdrawn, not lifted: it should never have been,
 * so its remaining no-shows count on towards the next block as before.
 */
export async function reconsiderBlock(
  trx: Transaction<Database>,
  userId: string,
  rules: Rules,
  now: Date,
): Promise<void> {
  const block = await activeBlock(trx, userId, now);
  if (!block) return;
  const still = await countNoShows(trx, userId, block.counted_from, block.starts_at);
  if (still >= rules.noShowLimit) return;
  await trx.deleteFrom('booking_blocks').where('id', '=', block.id).execute();
}
