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

/**
 * The local cloud in a process of its own (as `npm run cloud` runs it), so the load generator
 * and the server do not share one event loop: the figures are the server's.
 */
export async function startCloudProcess(databaseUrl?: string): Promise<{ info: CloudInfo; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUDDLE_LOCAL_DIR: dataDir,
    HUDDLE_API_PORT: '4290',
    HUDDLE_COGNITO_PORT: '9490',
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
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready in')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the cloud exited (${code}) before it was ready:\n${output}`)));
  });
  const info = JSON.parse(readFileSync(join(dataDir, 'cloud.json'), 'utf8')) as CloudInfo;
  return {
    info,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
