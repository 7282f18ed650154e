/** `npm run cloud`: the local cloud alone (database, Cognito, AppSync, mailbox) until Ctrl+C. */
import { describeCloud, startLocalCloud } from '../backend/local/cloud.js';

const cloud = await startLocalCloud({
  // Where the app is served, when it is not `npm run dev`'s (the Lighthouse run's preview server).
  appUrl: process.env.HUDDLE_APP_URL,
  apiPort: Number(process.env.HUDDLE_API_PORT ?? 4000),
  cognitoPort: Number(process.env.HUDDLE_COGNITO_PORT ?? 9229),
  seedDemoContent: true,
  maxConcurrentRequests: Number(process.env.HUDDLE_MAX_CONCURRENT_REQUESTS) || undefined,
  // `npm run bench` measures capacity: its few users send far more than one person's limits allow.
  rateLimits:
    process.env.HUDDLE_WIDE_RATE_LIMITS === '1'
      ? {
          activitiesPerDay: Number.MAX_SAFE_INTEGER,
          messagesPerMinute: Number.MAX_SAFE_INTEGER,
          messagesPerDay: Number.MAX_SAFE_INTEGER,
        }
      : undefined,
});
console.log(describeCloud(cloud.info));
// performance.now() counts from the process start, so this is the whole start-up, module loading included.
const rssMb = process.memoryUsage().rss / 1024 / 1024;
console.log(`  Ready in ${Math.round(performance.now())} ms, using ${Math.round(rssMb)} MB of memory`);

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  void cloud.close().then(() => process.exit(0));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
// A parent that starts the cloud as its child (`npm run bench`) gives it a pipe on stdin: the pipe
// closes when the parent ends, however it ends (even killed outright), and the cloud goes with it.
if (process.env.HUDDLE_STOP_WITH_PARENT === '1') {
  process.stdin.on('end', shutdown).on('close', shutdown).resume();
}
