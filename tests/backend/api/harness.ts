import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../../../backend/src/db/connect.js';
import { migrateToLatest } from '../../../backend/src/db/migrate.js';
import type { Database } from '../../../backend/src/db/types.js';
import type { Services } from '../../../backend/src/context.js';
import type { AppSyncResolverEvent, CognitoIdentity, ResolverHandler } from '../../../backend/src/event.js';
import { createHandler } from '../../../backend/src/handler.js';
import { createLambdaHandler } from '../../../backend/src/lambda.js';
import { mapLambdaResult, type ErrorUtil } from '../../../backend/src/appsync/mapLambdaResult.js';
import { MappedError } from '../../../backend/local/appsync/errors.js';
import type { ConfirmedUser } from '../../../backend/src/profiles/ensureProfile.js';
import { recordingPublisher } from '../../../backend/src/events.js';
import { openDataApiDatabase } from '../support/dataApiDatabase.js';
import { newTestSchemaName } from '../support/testSchemas.js';

/**
 * The API suites run two ways. By default they call `createHandler` on PGlite or node-postgres;
 * with HUDDLE_TEST_PATH=aws (the `aws` Vitest project) they call production's entry,
 * `backend/src/lambda.ts`, over the Data API dialect and the Data API stand-in, as AWS would.
 */
export const throughAws = process.env.HUDDLE_TEST_PATH === 'aws';

/**
 * A fresh database for one test file: PGlite in memory by default, or the PostgreSQL server named
 * by TEST_DATABASE_URL (each file gets its own schema there so files never see each other's rows);
 * behind the Data API stand-in on the aws path. Migrated: the launch universities come with the migrations.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (throughAws) {
    const handle = await openDataApiDatabase();
    await migrateToLatest(handle.db);
    return handle;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = await connectDatabase({ pgliteDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  // Dropped when the whole run ends (support/testSchemas.ts says why).
  const schema = newTestSchemaName();
  const admin = await connectDatabase({ url });
  await admin.db.schema.createSchema(schema).execute();
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  // Many connections on purpose: the concurrency suites want transactions truly racing each other.
  const handle = await connectDatabase({ url: scoped.toString(), poolSize: 20 });
  await migrateToLatest(handle.db);
  return handle;
}

/** A user directory over a fixed list that records whose sessions it ended. */
export function makeDirectory(directory: ConfirmedUser[] = []) {
  const signedOut: string[] = [];
  return {
    signedOut,
    findBySub: async (sub: string) => directory.find((u) => u.sub === sub) ?? null,
    signOutEverywhere: async (sub: string) => void signedOut.push(sub),
  };
}

export function makeServices(db: Kysely<Database>, directory: ConfirmedUser[] = []) {
  const userDirectory = makeDirectory(directory);
  return {
    db,
    events: recordingPublisher(),
    now: () => new Date(),
    userDirectory,
    userGroups: recordingGroups(),
  } satisfies Services;
}

/** AppSync's `util.error` as the local gateway stands in for it: the GraphQL error, thrown. */
const appSyncUtil: ErrorUtil = {
  error(message, errorType, data, errorInfo) {
    throw new MappedError(message, errorType ?? 'Unknown', data ?? null, errorInfo ?? null);
  },
};

/**
 * The resolver entry the suites call: `createHandler`, or on the aws path the Lambda entry, whose
 * answer (data, or an error envelope) goes through the response mapping every deployed resolver
 * runs. Either way a refusal rejects with an error whose `name` is the GraphQL errorType, whose
 * `message` is the client's message and whose `errorInfo` carries its code and field.
 */
export function handlerFor(services: Services): ResolverHandler {
  if (!throughAws) return createHandler(services);
  const lambda = createLambdaHandler(async () => services);
  return async (event) => mapLambdaResult(await lambda(event), null, appSyncUtil);
}

/**
 * A Cognito identity as AppSync passes it. `auth_time` (when the session signed in) defaults to
 * `iat` (a token issued at sign-in); `origin_jti` names the session.
 */
export function makeIdentity(
  sub: string,
  overrides: Partial<CognitoIdentity> & { iat?: number; auth_time?: number; origin_jti?: string } = {},
): CognitoIdentity {
  const { iat = Math.floor(Date.now() / 1000), auth_time = iat, origin_jti = `session-${sub}`, ...rest } = overrides;
  const groups = rest.groups ?? null;
  return {
    sub,
    username: sub,
    issuer: 'http://127.0.0.1:9229/local_test',
    claims: { sub, iat, auth_time, origin_jti, token_use: 'access', 'cognito:groups': groups ?? undefined },
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

/** Group changes the resolvers asked the user pool for, in order; `failNext` makes the next one fail. */
export function recordingGroups() {
  const changes: { change: 'add' | 'remove'; sub: string; group: string }[] = [];
  let failNext = false;
  const record = (change: 'add' | 'remove') => async (sub: string, group: string) => {
    if (failNext) {
      failNext = false;
      throw new Error('the user pool is unavailable');
    }
    changes.push({ change, sub, group });
  };
  return {
    changes,
    failNext: () => void (failNext = true),
    add: record('add'),
    remove: record('remove'),
  };
}
