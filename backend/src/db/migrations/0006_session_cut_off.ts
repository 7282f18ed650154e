import type { Kysely } from 'kysely';

/**
 * The sign-out cut-off may spare one session: a password change ends every other device's session
 * but not the one that changed it. The spared session is Cognito's `origin_jti` (the id every
 * token of one sign-in carries, kept across refreshes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('profiles').addColumn('tokens_kept_session', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('profiles').dropColumn('tokens_kept_session').execute();
}
