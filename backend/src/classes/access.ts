import type { Kysely, Transaction } from 'kysely';
import { isStaff, type Caller } from '../context.js';
import type { ClassRow, ClassSessionRow, Database } from '../db/types.js';
import { forbidden, notFound } from '../errors.js';
import { requireUuid } from './validate.js';
import { CLASS_COLUMNS, splitClassColumns } from './views.js';

/**
 * Who may touch which row. The schema already limits staff fields to the staff/admin groups, but
 * the Lambda checks again (in AWS nothing else stands between a client and the data). Rows of
 * another university are "not found", never "forbidden".
 */

export function requireStaff(caller: Caller): void {
  if (!isStaff(caller))
    throw forbidden('staff.only', 'Only sports-centre staff can do this. Ask an administrator for staff access.');
}

export async function findClass(
  db: Kysely<Database>,
  caller: Caller,
  id: unknown,
  forUpdate = false,
): Promise<ClassRow> {
  const classId = requireUuid(id, 'class.notFound', 'The class');
  let query = db
    .selectFrom('classes')
    .selectAll()
    .where('id', '=', classId)
    .where('university_id', '=', caller.profile.university_id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('class.notFound', 'The class');
  return row;
}

/** The session of the caller's university; `forUpdate` takes its row lock (the capacity lock). */
export async function findSession(
  db: Kysely<Database>,
  caller: Caller,
  id: unknown,
  forUpdate = false,
): Promise<ClassSessionRow> {
  const sessionId = requireUuid(id, 'session.notFound', 'The session');
  let query = db
    .selectFrom('class_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('university_id', '=', caller.profile.university_id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('session.notFound', 'The session');
  return row;
}

/**
 * A student's booking lock, in one round trip: their own profile row, then the session of the
 * caller's university (PostgreSQL locks the rows in the order FOR UPDATE OF names them, so the
 * lock order stays profile → session). The session's class comes along, unlocked, for the view.
 * Nothing else may be read here: a row changed by a transaction we waited for would be stale.
 */
export async function lockProfileAndSession(trx: Transaction<Database>, caller: Caller, id: unknown) {
  const sessionId = requireUuid(id, 'session.notFound', 'The session');
  const row = await trx
    .selectFrom('profiles as p')
    .innerJoin('class_sessions as s', (join) =>
      join.on('s.id', '=', sessionId).on('s.university_id', '=', caller.profile.university_id),
    )
    .innerJoin('classes as c', 'c.id', 's.class_id')
    .selectAll('s')
    .select(CLASS_COLUMNS)
    .where('p.id', '=', caller.sub)
    .forUpdate(['p', 's'])
    .executeTakeFirst();
  if (!row) throw notFound('session.notFound', 'The session');
  const { sportsClass, rest: session } = splitClassColumns(row);
  return { session: session as ClassSessionRow, sportsClass };
}
