import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LighthouseCloud {
  graphqlUrl: string;
  cognitoUrl: string;
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  stop(): Promise<void>;
}

/**
 * A fresh local cloud with the demo campus, in its own process (`npm run cloud`), so the server
 * does not share an event loop with Lighthouse and its figures are the page's, not the tool's.
 */
export async function startCloud(ports: { api: number; cognito: number }, appUrl: string): Promise<LighthouseCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-lighthouse-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUDDLE_LOCAL_DIR: dataDir,
    HUDDLE_API_PORT: String(ports.api),
    HUDDLE_COGNITO_PORT: String(ports.cognito),
    HUDDLE_APP_URL: appUrl,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['scripts/run.mjs', 'scripts/cloud.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready in')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`the local cloud exited (${code}) before it was ready:\n${output}`)),
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const info = JSON.parse(readFileSync(join(dataDir, 'cloud.json'), 'utf8')) as Omit<LighthouseCloud, 'stop'>;
  return { ...info, stop };
}
