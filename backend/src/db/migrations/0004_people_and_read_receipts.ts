import { sql, type Kysely } from 'kysely';

/**
 * What a person tells about themselves: a short bio and the sports they play with their level in
 * each (a jsonb array of `{ sport, level }`, read whole with the profile wherever a name is shown).
 *
 * Read receipts need no new column: each conversation already keeps both people's read markers
 * (`a_read_at`, `b_read_at`), which `markConversationRead` moves and the sender's "Seen" reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sports', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  // The resolver's limits (PROFILE_LIMITS) again, as constraints: code can be wrong, rows cannot.
  await sql`alter table profiles add constraint profiles_bio_length check (char_length(bio) <= 280)`.execute(db);
  await sql`alter table profiles add constraint profiles_sports_list check (jsonb_typeof(sports) = 'array' and jsonb_array_length(sports) <= 23)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('profiles').dropColumn('sports').dropColumn('bio').execute();
}
