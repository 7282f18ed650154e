/**
 * The installed-app journeys' server (playwright.pwa.config.ts): a fresh local cloud with the demo
 * campus, the app built for production against it, and `vite preview` serving that build, in one
 * process until SIGTERM or SIGINT. The dev server has no precaching service worker, so what the
 * installed app does offline can only be tried on a production build. The data folder
 * (HUDDLE_LOCAL_DIR) is emptied at start and holds the build too (<dir>/dist), so a journey can
 * serve a changed sw.js; both are removed again on every way out.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { describeCloud, startLocalCloud, type LocalCloud } from '../backend/local/cloud.js';
import { buildAndPreview, configureAppFor } from './localApp.js';

const dataDir = process.env.HUDDLE_LOCAL_DIR ?? '.local-e2e-pwa';
const outDir = join(dataDir, 'dist');
const appPort = Number(process.env.HUDDLE_APP_PORT ?? 4183);
const appUrl = `http://127.0.0.1:${appPort}`;

let cloud: LocalCloud | undefined;
let server: PreviewServer | undefined;
let closing: Promise<void> | undefined;
function close(): Promise<void> {
  closing ??= (async () => {
    await server?.close().catch(() => {});
    await cloud?.close().catch(() => {});
  })();
  return closing;
}
// On every way out, the data and the build go too. In 'exit', since once the preview server is
// up, vite's own SIGTERM (and stdin-end) handler closes it and exits before anything slower here.
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void close().then(() => process.exit(0)));
}
// Playwright holds this process's stdin: if Playwright itself is killed (no teardown, no signal
// here), the pipe closes and the servers stop with it rather than keep the ports (vite does the
// same unless CI=true). Its output pipes close then too: a line logged while closing is no error.
if (process.env.HUDDLE_STOP_WHEN_STDIN_CLOSES === 'true') {
  for (const output of [process.stdout, process.stderr]) output.on('error', () => {});
  process.stdin.on('end', () => void close().then(() => process.exit(0)));
  process.stdin.resume();
}

try {
  rmSync(dataDir, { recursive: true, force: true });
  cloud = await startLocalCloud({
    dataDir,
    appUrl,
    apiPort: Number(process.env.HUDDLE_API_PORT ?? 4110),
    cognitoPort: Number(process.env.HUDDLE_COGNITO_PORT ?? 9339),
    seedDemoContent: true,
  });
  const { info } = cloud;
  configureAppFor(info);
  server = await buildAndPreview(outDir, appPort);
  console.log(describeCloud(info));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await close();
  process.exit(1);
}
