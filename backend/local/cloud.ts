import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Services, UserDirectory } from '../src/context.js';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createHandler } from '../src/handler.js';
import { invokeLikeAppSync } from './appsync/lambdaInvoke.js';
import { graphqlPublisher, type IamExecutor } from '../src/publishing.js';
import { API_LIMITS } from '../src/apiLimits.js';
import { ensureProfile } from '../src/profiles/ensureProfile.js';
import { signOutEverywhere } from '../src/profiles/sessions.js';
import { checkSignUp } from '../src/universities/signUpRule.js';
import type { RateLimits } from '../src/rules/limits.js';
import type { LocalAppSync } from './appsync/index.js';
import type { LocalCognito } from './cognito/index.js';
import { Mailbox } from './mailbox.js';
import { appOrigins } from './origins.js';
import { sessionCheck } from './sessionCheck.js';
import { localPaths } from './paths.js';
import { DEMO_PASSWORD, demoAccounts } from './seed.js';
import { seedDemoContent } from './demoContent.js';
import { markOverdueNoShows } from '../src/classes/noShowJob.js';

export interface CloudInfo {
  appUrl: string;
  graphqlUrl: string;
  realtimeUrl: string;
  cognitoUrl: string;
  mailboxUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  database: string;
}

export interface CloudOptions {
  /** Data folder; defaults to `.local` (or HUDDLE_LOCAL_DIR). */
  dataDir?: string;
  /** 0 picks free ports (tests); the defaults are what `.env.example` documents. */
  apiPort?: number;
  cognitoPort?: number;
  appUrl?: string;
  /** A postgres:// URL; defaults to DATABASE_URL, else the embedded PGlite. */
  databaseUrl?: string;
  seedDemoAccounts?: boolean;
  /** Activities, classes, messages… on a first start (`npm run dev`/`cloud`); tests leave it off. */
  seedDemoContent?: boolean;
  log?: (line: string) => void;
  /** How often the no-show job runs (EventBridge's schedule in AWS); default every 5 minutes. */
  noShowJobEveryMs?: number;
  /** GraphQL requests the gateway serves at once before answering 429 (default 64) */
  maxConcurrentRequests?: number;
  /** Wider limits on volume than the rules' (backend/src/rules/limits.ts), for suites that create a lot. */
  rateLimits?: Partial<RateLimits>;
}

export interface LocalCloud {
  info: CloudInfo;
  database: DatabaseHandle;
  cognito: LocalCognito;
  appsync: LocalAppSync;
  mailbox: Mailbox;
  close(): Promise<void>;
}

const schemaPath = fileURLToPath(new URL('../schema.graphql', import.meta.url));

/** Starts the whole offline backend: database, Cognito, AppSync and the dev mailbox, in one process. */
export async function startLocalCloud(options: CloudOptions = {}): Promise<LocalCloud> {
  const paths = localPaths(options.dataDir);
  const log = options.log ?? ((line: string) => console.log(line));
  const appUrl = options.appUrl ?? 'http://127.0.0.1:5173';
  // Browsers may reach Cognito, the API and the mailbox from the app's page only.
  const allowedOrigins = appOrigins(appUrl);
  await mkdir(paths.base, { recursive: true });

  // Start-up time is a budget (`npm run bench:startup`): PGlite compiles its WebAssembly off the main
  // thread, so the servers' modules load and the schema is read while the database opens.
  const [database, { startLocalCognito }, { startLocalAppSync }, schemaSdl, mailbox] = await Promise.all([
    connectDatabase({ url: options.databaseUrl ?? process.env.DATABASE_URL, pgliteDir: paths.database }),
    import('./cognito/index.js'),
    import('./appsync/index.js'),
    readFile(schemaPath, 'utf8'),
    Mailbox.open(paths.mailbox, log, allowedOrigins),
  ]);
  const migrated = migrateToLatest(database.db);
  const sessions = sessionCheck(database.db);

  // The user pool as the server uses it; bound once Cognito is up (the hooks below need it too).
  const bound: { cognito?: LocalCognito } = {};
  const userDirectory: UserDirectory = {
    findBySub: async (sub) => {
      const user = await bound.cognito!.getUserBySub(sub);
      return user && { sub: user.sub, email: user.email, name: user.attributes.name, groups: user.groups };
    },
    signOutEverywhere: async (sub) => {
      const { admin, userPoolId } = bound.cognito!;
      await admin('AdminUserGlobalSignOut', { UserPoolId: userPoolId, Username: sub });
    },
  };

  const cognito = await startLocalCognito({
    dataDir: paths.cognito,
    port: options.cognitoPort ?? 9229,
    mailbox,
    log,
    allowedOrigins,
    hooks: {
      preSignUp: async ({ email, attributes }) => {
        const decision = await checkSignUp(database.db, { email, name: attributes.name });
        if (!decision.allowed) throw new Error(decision.reason);
      },
      postConfirmation: async (user) => {
        await ensureProfile(database.db, {
          sub: user.sub,
          email: user.email,
          name: user.attributes.name,
          groups: user.groups,
        });
      },
      // As the post-confirmation trigger does in AWS after ConfirmForgotPassword.
      passwordReset: async ({ sub }) => {
        await migrated;
        await signOutEverywhere(userDirectory, database.db, sub, new Date());
        sessions.forget(sub);
      },
    },
  });
  bound.cognito = cognito;

  await migrated;
  if (options.seedDemoAccounts ?? true) {
    for (const account of demoAccounts) {
      await cognito.ensureUser({ ...account, password: DEMO_PASSWORD });
    }
  }

  // The publisher needs the gateway, and the gateway needs the resolvers: bind it once both exist.
  let executeAsIam: IamExecutor = async () => ({ errors: ['the API is not started yet'] });
  const services: Services = {
    db: database.db,
    events: graphqlPublisher((query, variables) => executeAsIam(query, variables), log),
    now: () => new Date(),
    userDirectory,
    userGroups: { add: cognito.addToGroup, remove: cognito.removeFromGroup },
    sessionsEnded: (userId) => sessions.forget(userId),
    rateLimits: options.rateLimits,
  };

  if (options.seedDemoContent) await seedDemoContent(services, cognito, log);

  const appsync = await startLocalAppSync({
    schemaSdl,
    port: options.apiPort ?? 4000,
    auth: { issuer: cognito.issuer, jwksUrl: cognito.jwksUrl, userPoolClientIds: [cognito.userPoolClientId] },
    invoke: invokeLikeAppSync(createHandler(services), log),
    extraRoutes: (req, res) => mailbox.handle(req, res),
    log,
    allowedOrigins,
    limits: API_LIMITS,
    maxConcurrentRequests: options.maxConcurrentRequests,
    // AppSync runs a subscription's resolver only when it starts; locally a subscription whose
    // session ended since (sign out everywhere, a password change) is closed at its next event.
    checkSubscriber: sessions.check,
  });

  executeAsIam = (query, variables) => appsync.executeAsIam(query, variables);

  // The scheduled no-show job, as AWS runs it from an EventBridge rule: once now, then on a timer.
  const runNoShowJob = () =>
    markOverdueNoShows(services)
      .then((run) => {
        if (run.noShows)
          log(`[no-shows] ${run.noShows} no-shows in ${run.sessions} sessions, ${run.blocks} new blocks`);
      })
      .catch((error: unknown) => log(`[no-shows] the job failed: ${error instanceof Error ? error.message : error}`));
  let jobRun = runNoShowJob();
  const noShowTimer = setInterval(
    () => {
      jobRun = jobRun.then(runNoShowJob);
    },
    options.noShowJobEveryMs ?? 5 * 60_000,
  );
  noShowTimer.unref();

  const apiOrigin = new URL(appsync.url).origin;
  const info: CloudInfo = {
    appUrl,
    graphqlUrl: appsync.url,
    realtimeUrl: appsync.realtimeUrl,
    cognitoUrl: cognito.url,
    mailboxUrl: `${apiOrigin}/__dev/mailbox`,
    region: cognito.region,
    userPoolId: cognito.userPoolId,
    userPoolClientId: cognito.userPoolClientId,
    database: database.description,
  };
  await writeFile(paths.cloudInfo, JSON.stringify(info, null, 2) + '\n');

  return {
    info,
    database,
    cognito,
    appsync,
    mailbox,
    close: async () => {
      clearInterval(noShowTimer);
      await jobRun;
      await appsync.close();
      await cognito.close();
      await database.close();
    },
  };
}

/** The start-up banner: every URL and demo account a developer needs. */
export function describeCloud(info: CloudInfo): string {
  const accounts = demoAccounts.map((a) => `    ${a.email.padEnd(36)} ${a.role}`).join('\n');
  return [
    'Huddle local cloud is ready',
    `  App        ${info.appUrl}`,
    `  GraphQL    ${info.graphqlUrl}  (realtime ${info.realtimeUrl})`,
    `  Cognito    ${info.cognitoUrl}  pool ${info.userPoolId}, client ${info.userPoolClientId}`,
    `  Mailbox    ${info.mailboxUrl}`,
    `  Database   ${info.database}`,
    `  Demo accounts (password ${DEMO_PASSWORD}):`,
    accounts,
  ].join('\n');
}
