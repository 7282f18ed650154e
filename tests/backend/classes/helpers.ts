import { isErrorCode } from '../../../backend/src/rules/errorCodes.js';
import { expect } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { ensureProfile } from '../../../backend/src/profiles/ensureProfile.js';
import { handlerFor, makeEvent, makeIdentity, makeServices, openTestDatabase } from '../api/harness.js';

/** Test users, a handler called exactly as the gateway calls it, a settable clock and row builders. */

export interface User {
  sub: string;
  email: string;
  name: string;
  groups: string[];
}

export const pieter: User = {
  sub: 'sub-pieter',
  email: 'pieter.maes@kuleuven.be',
  name: 'Pieter Maes',
  groups: ['staff'],
};
export const emma: User = {
  sub: 'sub-emma',
  email: 'emma.peeters@student.kuleuven.be',
  name: 'Emma Peeters',
  groups: [],
};
export const lucas: User = {
  sub: 'sub-lucas',
  email: 'lucas.janssens@student.kuleuven.be',
  name: 'Lucas Janssens',
  groups: [],
};
export const noor: User = { sub: 'sub-noor', email: 'noor.claes@student.kuleuven.be', name: 'Noor Claes', groups: [] };
export const sarah: User = { sub: 'sub-sarah', email: 'sarah.desmet@ugent.be', name: 'Sarah De Smet', groups: [] };
export const ugentStaff: User = {
  sub: 'sub-ugent-staff',
  email: 'jan.staff@ugent.be',
  name: 'Jan Staff',
  groups: ['staff'],
};

export const admin: User = { sub: 'sub-admin', email: 'admin@kuleuven.be', name: 'Ada Admin', groups: ['admin'] };

export const student = (i: number): User => ({
  sub: `sub-student-${String(i).padStart(3, '0')}`,
  email: `student${i}@student.kuleuven.be`,
  name: `Student ${i}`,
  groups: [],
});

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Row = Record<string, unknown>;

export async function setupClasses(extraUsers: User[] = []) {
  const database: DatabaseHandle = await openTestDatabase();
  const db = database.db;
  const services = makeServices(db);
  const handler = handlerFor(services);
  for (const user of [pieter, emma, lucas, noor, sarah, ugentStaff, admin]) await ensureProfile(db, user);
  // Extra users are KU Leuven students, inserted in one statement so a file with 100 of them starts fast.
  if (extraUsers.length) {
    await db
      .insertInto('profiles')
      .values(extraUsers.map((u) => ({ id: u.sub, email: u.email, display_name: u.name, university_id: 'kuleuven' })))
      .execute();
  }

  const call = async <T = Row>(type: 'Query' | 'Mutation', field: string, args: Row, user: User): Promise<T> =>
    (await handler(
      makeEvent(type, field, args, makeIdentity(user.sub, { groups: user.groups.length ? user.groups : null })),
    )) as T;
  const query = <T = Row>(field: string, args: Row, user: User) => call<T>('Query', field, args, user);
  const mutate = <T = Row>(field: string, args: Row, user: User) => call<T>('Mutation', field, args, user);

  /** Sets the resolvers' clock; `null` goes back to the real one. */
  const setNow = (at: Date | null) => {
    services.now = at ? () => at : () => new Date();
  };

  async function createClass(overrides: Row = {}, by: User = pieter): Promise<{ id: string; capacity: number }> {
    const input = {
      name: 'Yoga for beginners',
      sport: 'YOGA',
      instructor: 'An Peeters',
      place: 'Sportkot hall 2',
      capacity: 10,
      ...overrides,
    };
    return mutate('createClass', { input }, by);
  }

  /** A session row at any moment (past ones too), bypassing scheduleSessions' "in the future" rule. */
  async function insertSession(
    classId: string,
    startsAt: Date,
    capacity = 10,
    university = 'kuleuven',
  ): Promise<string> {
    const row = await db
      .insertInto('class_sessions')
      .values({ class_id: classId, university_id: university, starts_at: startsAt, duration_minutes: 60, capacity })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const booking = (sessionId: string, userId: string) =>
    db
      .selectFrom('bookings')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  const session = (sessionId: string) =>
    db.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();

  /** Everything the classes domain writes, to prove a refused call wrote nothing. */
  async function snapshot(): Promise<string> {
    const [classes, sessions, bookings, notifications] = await Promise.all([
      db.selectFrom('classes').selectAll().orderBy('id').execute(),
      db.selectFrom('class_sessions').selectAll().orderBy('id').execute(),
      db.selectFrom('bookings').selectAll().orderBy('session_id').orderBy('user_id').execute(),
      db.selectFrom('notifications').select('id').orderBy('id').execute(),
    ]);
    return JSON.stringify({ classes, sessions, bookings, notifications });
  }

  return {
    database,
    db,
    services,
    handler,
    query,
    mutate,
    setNow,
    createClass,
    insertSession,
    booking,
    session,
    snapshot,
  };
}

export type ClassesTest = Awaited<ReturnType<typeof setupClasses>>;

export async function expectError(promise: Promise<unknown>, errorType: string, message?: string | RegExp) {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${errorType}, but the call succeeded`);
    },
    (e: unknown) => e as { name: string; message: string },
  );
  expect(error.name).toBe(errorType);
  // Every refusal carries a code the app can translate.
  const code = (error as { errorInfo?: { code?: unknown } }).errorInfo?.code;
  expect(isErrorCode(code), `a known code, got ${String(code)}`).toBe(true);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
}
