/**
 * `npm run bench`: starts the local cloud in its own process and drives it over HTTP and
 * WebSocket like 50 users would. An open-loop run offers 200 requests/s for 30 s over a realistic
 * mix; a closed-loop run then finds the maximum throughput; all the while one user writes to
 * another, who measures when each message arrives over the realtime socket. Last, an overload run
 * offers twice that maximum: the gateway must keep serving about as much as at capacity, quickly,
 * and refuse the rest at once with HTTP 429.
 *
 * PGlite by default; `BENCH_DATABASE_URL=postgres://…` runs it on a PostgreSQL server (a fresh
 * database is created there and dropped afterwards). Figures are recorded in BENCHMARKS.md.
 * The cloud process is stopped on every way out: the end, an error, Ctrl+C or another signal.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { graphql } from './clients.js';
import { startCloudProcess, type CloudProcess } from './cloudProcess.js';
import { subscribe } from './realtime.js';
import { buildWorld } from './setup.js';
import { Samples, percentile } from './stats.js';
import { SEND_MESSAGE, closedLoop, openLoop, type World } from './workload.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const OPEN_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLOSED_SECONDS = Number(process.env.BENCH_CLOSED_SECONDS ?? 15);
const OVERLOAD_SECONDS = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 20);
/** offered during the overload run, as a multiple of the closed loop's throughput */
const OVERLOAD_FACTOR = Number(process.env.BENCH_OVERLOAD_FACTOR ?? 2);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const targets = { activities: 30, bookSession: 50, onMessage: 50 };
/** Under overload: share of the capacity still served, p99 of what is served, slowest 429. */
const overloadTargets = { servedShare: 0.9, servedP99: 1000, refusedMax: 50 };

async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `huddle_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** One user writes to another every 100 ms; the other times each arrival on its socket. */
async function measureDelivery(world: World, run: () => Promise<unknown>): Promise<number[]> {
  const [recipient, sender] = [world.users[0]!, world.users[1]!];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stop = await subscribe(
    world.info,
    recipient.token,
    'subscription ($to: ID!) { onMessage(recipientId: $to) { id conversationId senderId recipientId text clientId createdAt } }',
    { to: recipient.sub },
    (data) => {
      const message = data.onMessage as { clientId: string } | undefined;
      const at = message && sentAt.get(message.clientId);
      if (at !== undefined) latencies.push(performance.now() - at);
    },
  );
  let running = true;
  const probe = (async () => {
    while (running) {
      const clientId = `probe-${randomUUID()}`;
      sentAt.set(clientId, performance.now());
      await graphql(world.info, sender.token, SEND_MESSAGE, { to: recipient.sub, text: 'On my way!', clientId });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  await run();
  running = false;
  await probe;
  await new Promise((resolve) => setTimeout(resolve, 200));
  stop();
  return latencies.sort((a, b) => a - b);
}

// Every way out goes through `finish`: the cloud process and the scratch database go first.
let cloud: CloudProcess | undefined;
/** set as soon as the cloud is spawned: a signal during its start-up stops it too */
let stopCloud: (() => Promise<void>) | undefined;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
let finishing: Promise<never> | undefined;
function finish(code: number): Promise<never> {
  finishing ??= (async () => {
    try {
      await stopCloud?.();
      await database?.drop();
    } catch (error) {
      console.error('cleaning up failed:', error);
      code = code || 1;
    }
    process.exit(code);
  })();
  return finishing;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the cloud`);
    void finish(130);
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  void finish(1);
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  void finish(1);
});

let failed = false;
try {
  database = process.env.BENCH_DATABASE_URL ? await freshDatabase(process.env.BENCH_DATABASE_URL) : null;
  cloud = await startCloudProcess(database?.url, (stop) => (stopCloud = stop));
  console.log(
    `Huddle bench: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${cloud.info.database}`,
  );
  const setupStarted = performance.now();
  const world = await buildWorld(cloud.info, USERS);
  console.log(
    `set-up: ${USERS} users signed up and in, ${world.activityIds.length} activities, ${world.sessionIds.length} sessions in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  const open = new Samples();
  let openSeconds = 0;
  const delivery = await measureDelivery(world, async () => {
    openSeconds = await openLoop(world, open, RATE, OPEN_SECONDS);
  });
  console.log(`\nopen loop: ${RATE} requests/s offered by ${USERS} users for ${OPEN_SECONDS} s`);
  console.log(open.table(openSeconds));
  console.log(
    `onMessage delivery (send → receive over the socket, ${delivery.length} messages): p50 ${percentile(delivery, 50)?.toFixed(1)} ms, p95 ${percentile(delivery, 95)?.toFixed(1)} ms, p99 ${percentile(delivery, 99)?.toFixed(1)} ms`,
  );
  if (open.errorExamples.length) console.log(`first errors:\n  ${open.errorExamples.join('\n  ')}`);

  const closed = new Samples();
  const closedSeconds = await closedLoop(world, closed, CLOSED_SECONDS);
  console.log(
    `\nclosed loop: ${USERS} users, each sending its next request when the last answered, ${CLOSED_SECONDS} s`,
  );
  console.log(closed.table(closedSeconds));
  const capacity = closed.total / closedSeconds;

  const overloadRate = Math.round(Number(process.env.BENCH_OVERLOAD_RATE ?? OVERLOAD_FACTOR * capacity));
  const overload = new Samples();
  const overloadSeconds = await openLoop(world, overload, overloadRate, OVERLOAD_SECONDS);
  const served = overload.total / overloadSeconds;
  console.log(
    `\noverload: ${overloadRate} requests/s offered (${(overloadRate / capacity).toFixed(1)} × the closed loop's ${capacity.toFixed(0)}) for ${OVERLOAD_SECONDS} s`,
  );
  console.log(overload.table(overloadSeconds));
  if (overload.errorExamples.length) console.log(`first errors:\n  ${overload.errorExamples.join('\n  ')}`);

  const checks = [
    ['activities p95', open.percentile('activities', 95), targets.activities],
    ['bookSession p95', open.percentile('bookSession', 95), targets.bookSession],
    ['onMessage delivery p95', percentile(delivery, 95), targets.onMessage],
  ] as const;
  console.log('\ntargets at the offered rate:');
  for (const [name, value, target] of checks) {
    const ok = value !== undefined && value <= target;
    console.log(`  ${name}: ${value?.toFixed(1) ?? '-'} ms (target ≤ ${target} ms) ${ok ? 'met' : 'MISSED'}`);
  }
  console.log(`  errors: ${open.errors} (target 0) ${open.errors === 0 ? 'met' : 'MISSED'}`);

  const refused = [...overload.refused].sort((a, b) => a - b);
  const servedP99 = overload.overall(99);
  const refusedMax = refused[refused.length - 1];
  const overloadChecks: [string, boolean][] = [
    [
      `served ${served.toFixed(0)} requests/s, ${((100 * served) / capacity).toFixed(0)} % of capacity (target ≥ ${100 * overloadTargets.servedShare} %)`,
      served >= overloadTargets.servedShare * capacity,
    ],
    [
      `served p99 ${servedP99?.toFixed(0) ?? '-'} ms (target ≤ ${overloadTargets.servedP99} ms)`,
      servedP99 !== undefined && servedP99 <= overloadTargets.servedP99,
    ],
    [
      `${refused.length} refused with 429, slowest in ${refusedMax?.toFixed(1) ?? '-'} ms (target ≤ ${overloadTargets.refusedMax} ms)`,
      refusedMax === undefined || refusedMax <= overloadTargets.refusedMax,
    ],
    [`other errors: ${overload.errors} (target 0)`, overload.errors === 0],
    [`connection errors: ${overload.connectionErrors} (target 0)`, overload.connectionErrors === 0],
  ];
  console.log(`\ntargets at ${OVERLOAD_FACTOR} × capacity:`);
  for (const [text, ok] of overloadChecks) console.log(`  ${text} ${ok ? 'met' : 'MISSED'}`);
} catch (error) {
  failed = true;
  console.error(error);
}
const pid = cloud?.pid;
if (pid !== undefined) {
  await cloud!.stop();
  let alive = true;
  try {
    process.kill(pid, 0);
  } catch {
    alive = false;
  }
  console.log(`\ncloud process ${pid} ${alive ? 'STILL RUNNING' : 'stopped'}`);
  if (alive) failed = true;
}
await finish(failed ? 1 : 0);
