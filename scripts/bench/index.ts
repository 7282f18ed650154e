/**
 * `npm run bench`: starts the local cloud in its own process and drives it over HTTP and
 * WebSocket like 50 users would. An open-loop run offers 200 requests/s for 30 s over a realistic
 * mix; a closed-loop run then finds the maximum throughput; all the while one user writes to
 * another, who measures when each message arrives over the realtime socket.
 *
 * PGlite by default; `BENCH_DATABASE_URL=postgres://…` runs it on a PostgreSQL server (a fresh
 * database is created there and dropped afterwards). Figures are recorded in BENCHMARKS.md.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { graphql } from './clients.js';
import { startCloudProcess } from './cloudProcess.js';
import { subscribe } from './realtime.js';
import { buildWorld } from './setup.js';
import { Samples, percentile } from './stats.js';
import { SEND_MESSAGE, closedLoop, openLoop, type World } from './workload.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const OPEN_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLOSED_SECONDS = Number(process.env.BENCH_CLOSED_SECONDS ?? 15);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const targets = { activities: 30, bookSession: 50, onMessage: 50 };

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

const database = process.env.BENCH_DATABASE_URL ? await freshDatabase(process.env.BENCH_DATABASE_URL) : null;
const cloud = await startCloudProcess(database?.url);
let failed = false;
try {
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
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cloud.stop();
  await database?.drop();
}
process.exit(failed ? 1 : 0);
