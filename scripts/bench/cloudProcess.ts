import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CloudInfo {
  graphqlUrl: string;
  realtimeUrl: string;
  cognitoUrl: string;
  mailboxUrl: string;
  userPoolClientId: string;
  database: string;
}

export interface CloudProcess {
  info: CloudInfo;
  pid: number;
  /** Stops the cloud (SIGTERM, then SIGKILL after 10 s) and deletes its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The local cloud in a process of its own (as `npm run cloud` runs it), so the load generator
 * and the server do not share one event loop: the figures are the server's. It never outlives the
 * bench: `stop()` ends it on every path the bench takes, and should the bench itself be killed
 * outright, the cloud sees its stdin pipe close and stops (HUDDLE_STOP_WITH_PARENT, scripts/cloud.ts).
 */
export async function startCloudProcess(
  databaseUrl?: string,
  /** told how to stop the cloud as soon as it is spawned, before it is ready */
  onSpawned: (stop: () => Promise<void>) => void = () => {},
): Promise<CloudProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUDDLE_LOCAL_DIR: dataDir,
    HUDDLE_API_PORT: '4290',
    HUDDLE_COGNITO_PORT: '9490',
    HUDDLE_STOP_WITH_PARENT: '1',
    // A load test, not a test of the limits on volume (tests/backend/*/rateLimits, limits.test.ts).
    HUDDLE_WIDE_RATE_LIMITS: '1',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(tmpdir(), 'huddle-prof')}`] : []),
      'scripts/run.mjs',
      'scripts/cloud.ts',
    ],
    { env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    })());
  onSpawned(stop);
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready in')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the cloud exited (${code}) before it was ready:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  child.stdout!.resume(); // keep draining what it prints, so it never blocks on a full pipe
  const info = JSON.parse(readFileSync(join(dataDir, 'cloud.json'), 'utf8')) as CloudInfo;
  return { info, pid: child.pid!, stop };
}
