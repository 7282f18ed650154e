/**
 * Runs the database migrations in AWS. infra/ invokes it once per deploy (a CDK Trigger, after the
 * Aurora cluster exists and whenever this code changes); migrateToLatest is idempotent. It signs in
 * with the master secret, the only function that does, and then makes (or grants again) the roles
 * the other functions sign in as, from their secrets (infra/database.ts, backend/src/db/roles.ts).
 */
import type { Kysely } from 'kysely';
import { secretsManagerReader, type SecretReader } from './aws/secrets.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureRoles } from './db/roles.js';
import type { Database } from './db/types.js';
import { lambdaDatabase } from './runtime.js';

export function createMigrateHandler(
  database: () => Promise<Kysely<Database>> = lambdaDatabase,
  readSecret: SecretReader = secretsManagerReader(process.env.AWS_REGION ?? 'eu-west-1'),
) {
  return async (): Promise<{ applied: string[]; roles: boolean }> => {
    const db = await database();
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database already up to date');
    const appSecret = process.env.DATABASE_APP_SECRET_ARN;
    const signUpSecret = process.env.DATABASE_SIGN_UP_SECRET_ARN;
    if (!appSecret || !signUpSecret) return { applied, roles: false };
    await ensureRoles(db, { app: await readSecret(appSecret), signUp: await readSecret(signUpSecret) });
    return { applied, roles: true };
  };
}

export const handler = createMigrateHandler();
