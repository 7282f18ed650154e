/**
 * `npm run lighthouse`: Lighthouse's mobile audit (its default throttling) of the production build
 * against a fresh local cloud. Builds the app, starts the cloud and a preview server, signs a demo
 * student in, and audits the sign-in page and, signed in, Find activities, Messages and the
 * timetable three times each; prints the median scores and LCP / TBT / CLS per page. Debian's
 * Chromium (CHROMIUM_PATH to use another). Everything it starts is stopped on every exit path.
 * Not part of `npm test`; the figures go into BENCHMARKS.md.
 *
 * LIGHTHOUSE_PAGES=sign-in,activities audits only the pages whose path contains one of the words;
 * LIGHTHOUSE_REPORTS=<folder> keeps each run's full JSON report there (it is created if need be).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import { buildAndPreview, configureAppFor } from '../localApp.js';
import { audit, medians, type PageFigures } from './audit.js';
import { startCloud } from './cloud.js';
import { signIn } from './signIn.js';

const PORTS = { app: 4473, api: 4490, cognito: 9690 };
const RUNS = 3;
const STUDENT = { email: 'emma.peeters@student.kuleuven.be', password: 'Huddle-demo-2026' };
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(',').filter(Boolean);
const wanted = (path: string) => !ONLY || ONLY.some((word) => path.includes(word));
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
const SIGNED_IN_PAGES = [
  ['Find activities', '/activities'],
  ['Messages', '/messages'],
  ['Timetable', '/classes'],
] as const;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) await Promise.resolve(cleanups.pop()!()).catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

async function runs(label: string, url: string, port: number, keepStorage: boolean): Promise<PageFigures> {
  const results: PageFigures[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const reportPath = REPORTS && join(REPORTS, `${label.replace(/\W+/g, '-').toLowerCase()}-${i}.json`);
    const figures = await audit(url, port, keepStorage, reportPath);
    console.log(
      `  ${label} run ${i}: performance ${figures.performance}, LCP ${Math.round(figures.lcpMs)} ms, TBT ${Math.round(figures.tbtMs)} ms`,
    );
    results.push(figures);
  }
  return medians(results);
}

function report(rows: [string, PageFigures][]): void {
  console.log('\nMedian of 3 Lighthouse mobile runs (production build, local cloud):');
  console.log('page              perf  a11y  best-practices      LCP       TBT     CLS');
  for (const [label, f] of rows) {
    console.log(
      `${label.padEnd(16)} ${String(f.performance).padStart(5)} ${String(f.accessibility).padStart(5)} ` +
        `${String(f.bestPractices).padStart(15)} ${`${Math.round(f.lcpMs)} ms`.padStart(9)} ` +
        `${`${Math.round(f.tbtMs)} ms`.padStart(9)} ${f.cls.toFixed(3).padStart(7)}`,
    );
  }
}

async function main(): Promise<void> {
  const appUrl = `http://127.0.0.1:${PORTS.app}`;
  const cloud = await startCloud(PORTS, appUrl);
  cleanups.push(() => cloud.stop());

  const outDir = mkdtempSync(join(tmpdir(), 'huddle-lighthouse-dist-'));
  cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
  configureAppFor(cloud);
  const server = await buildAndPreview(outDir, PORTS.app);
  cleanups.push(() => new Promise<void>((resolve) => server.httpServer.close(() => resolve())));

  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  cleanups.push(() => chrome.kill());

  if (REPORTS) mkdirSync(REPORTS, { recursive: true });
  const rows: [string, PageFigures][] = [];
  if (wanted('/sign-in')) rows.push(['Sign-in', await runs('Sign-in', `${appUrl}/sign-in`, chrome.port, false)]);
  const signedInPages = SIGNED_IN_PAGES.filter(([, path]) => wanted(path));
  if (signedInPages.length > 0) await signIn(chrome.port, appUrl, STUDENT);
  for (const [label, path] of signedInPages)
    rows.push([label, await runs(label, `${appUrl}${path}`, chrome.port, true)]);
  report(rows);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
