/** `npm run cloud`: the local cloud alone (database, Cognito, AppSync, mailbox) until Ctrl+C. */
import { describeCloud, startLocalCloud } from '../backend/local/cloud.js';

const startedAt = performance.now();
const cloud = await startLocalCloud({
  apiPort: Number(process.env.HUDDLE_API_PORT ?? 4000),
  cognitoPort: Number(process.env.HUDDLE_COGNITO_PORT ?? 9229),
});
console.log(describeCloud(cloud.info));
console.log(`  Ready in ${Math.round(performance.now() - startedAt)} ms`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void cloud.close().then(() => process.exit(0));
  });
}
