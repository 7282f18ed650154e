import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../../../backend/src/db/connect.js';
import { migrateToLatest } from '../../../backend/src/db/migrate.js';
import type { Database } from '../../../backend/src/db/types.js';
import type { Services } from '../../../backend/src/context.js';
import type { AppSyncResolverEvent, CognitoIdentity } from '../../../backend/src/event.js';
import type { ConfirmedUser } from '../../../backend/src/profiles/ensureProfile.js';
import { recordingPublisher } from '../../../backend/src/events.js';

/**
 * A fresh database for one test file: PGlite in memory by default, or the PostgreSQL server named
 * by TEST_DATABASE_URL (each file gets its own schema there so files never see each other's rows).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = await connectDatabase({ pgliteDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
  const admin = await connectDatabase({ url });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  // Many connections on purpose: the concurrency suites want transactions truly racing each other.
  const handle = await connectDatabase({ url: scoped.toString(), poolSize: 20 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.db.schema.dropSchema(schema).cascade().execute();
      await handle.close();
    },
  };
}

export function makeServices(db: Kysely<Database>, directory: ConfirmedUser[] = []) {
  return {
    db,
    events: recordingPublisher(),
    now: () => new Date(),
    userDirectory: { findBySub: async (sub: string) => directory.find((u) => u.sub === sub) ?? null },
  } satisfies Services;
}

export function makeIdentity(
  sub: string,
  overrides: Partial<CognitoIdentity> & { iat?: number } = {},
): CognitoIdentity {
  const { iat = Math.floor(Date.now() / 1000), ...rest } = overrides;
  const groups = rest.groups ?? null;
  return {
    sub,
    username: sub,
    issuer: 'http://127.0.0.1:9229/local_test',
    claims: { sub, iat, token_use: 'access', 'cognito:groups': groups ?? undefined },
    groups,
    sourceIp: ['127.0.0.1'],
    defaultAuthStrategy: 'ALLOW',
    ...rest,
  };
}

export function makeEvent(
  type: 'Query' | 'Mutation' | 'Subscription',
  fieldName: string,
  args: Record<string, unknown>,
  identity: AppSyncResolverEvent['identity'],
): AppSyncResolverEvent {
  return {
    arguments: args,
    identity,
    source: null,
    request: { headers: {}, domainName: null },
    info: { fieldName, parentTypeName: type, variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
    prev: null,
    stash: {},
  };
}
