import { sql, type Kysely } from 'kysely';

/**
 * The PostgreSQL roles the deployed functions sign in as (infra/database.ts gives each function
 * the secret of one of them). The master role keeps DDL to the migrations.
 */
export const APP_ROLE = 'huddle_app';
export const SIGN_UP_ROLE = 'huddle_signup';

/** The tables the sign-up check reads (backend/src/universities/signUpRule.ts): nothing else. */
export const SIGN_UP_TABLES = ['universities'] as const;

/** Kysely's migrator's own tables: no function but the migration Trigger touches them. */
const MIGRATOR_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

export interface RoleLogin {
  username: string;
  password: string;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** A literal for a statement that takes no parameters (CREATE ROLE … PASSWORD). */
function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('A password cannot contain a NUL character.');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Makes the application's and the sign-up check's roles, in the schema the migrations just ran in,
 * and (again) grants them what they may do: run after every migration, so new tables are
 * granted too. A role that exists keeps its password: Secrets Manager's rotation owns it then.
 * A login whose secret already names the rotation's clone (`huddle_app_clone`) needs no creating.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- grants work on any schema
export async function ensureRoles(db: Kysely<any>, logins: { app: RoleLogin; signUp: RoleLogin }): Promise<void> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = sql.id(rows[0]!.schema);
  const create = async (role: string, login: RoleLogin) => {
    if (!ROLE_NAME.test(role)) throw new Error(`Not a role name: ${role}`);
    const exists = await sql<{ found: number }>`select 1 as found from pg_roles where rolname = ${role}`.execute(db);
    if (exists.rows.length || login.username !== role) return;
    await sql.raw(`create role ${role} login password ${quoteLiteral(login.password)}`).execute(db);
  };
  await create(APP_ROLE, logins.app);
  await create(SIGN_UP_ROLE, logins.signUp);

  const app = sql.id(APP_ROLE);
  const signUp = sql.id(SIGN_UP_ROLE);
  await sql`grant usage on schema ${schema} to ${app}, ${signUp}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${app}`.execute(db);
  await sql`grant usage, select on all sequences in schema ${schema} to ${app}`.execute(db);
  for (const table of MIGRATOR_TABLES) {
    await sql`revoke all on table ${sql.table(`${rows[0]!.schema}.${table}`)} from ${app}`.execute(db);
  }
  for (const table of SIGN_UP_TABLES) {
    await sql`grant select on table ${sql.table(`${rows[0]!.schema}.${table}`)} to ${signUp}`.execute(db);
  }
}
