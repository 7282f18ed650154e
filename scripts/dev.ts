/**
 * `npm run dev`: the local cloud and the Vite dev server in one process. The app is configured
 * only by URLs, passed to Vite as VITE_* variables, so nothing needs a file from the developer.
 */
import { createServer } from 'vite';
import { describeCloud, startLocalCloud } from '../backend/local/cloud.js';
import { configureAppFor } from './localApp.js';

const appPort = Number(process.env.HUDDLE_APP_PORT ?? 5173);
const cloud = await startLocalCloud({
  appUrl: `http://127.0.0.1:${appPort}`,
  apiPort: Number(process.env.HUDDLE_API_PORT ?? 4000),
  cognitoPort: Number(process.env.HUDDLE_COGNITO_PORT ?? 9229),
  seedDemoContent: true,
});
const { info } = cloud;

configureAppFor(info);

const vite = await createServer({ server: { host: '127.0.0.1', port: appPort, strictPort: true } });
await vite.listen();
console.log(describeCloud(info));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void Promise.all([vite.close(), cloud.close()]).then(() => process.exit(0));
  });
}
