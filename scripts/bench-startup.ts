/**
 * `npm run bench:startup`: how fast `npm run cloud` is ready on an existing `.local/`, and how much
 * memory the cloud holds then. Runs `npm run cloud` several times, takes the wall time from the
 * command's start to its "Ready" line and the RSS the cloud reports there, and prints medians.
 * A figure, not a test.
 */
import { spawn } from 'node:child_process';

const runs = Number(process.env.RUNS ?? 5);
const budget = { readyMs: 3000, rssMb: 450 };
// Ports of its own, so a running `npm run dev` does not disturb the measurement.
const env = { ...process.env, HUDDLE_API_PORT: '4190', HUDDLE_COGNITO_PORT: '9390' };

function startOnce(): Promise<{ readyMs: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'cloud'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env,
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Ready in \d+ ms, using (\d+) MB/.exec(output);
      if (!ready) return;
      const readyMs = performance.now() - started;
      child.on('exit', () => resolve({ readyMs, rssMb: Number(ready[1]) }));
      process.kill(-child.pid!, 'SIGTERM'); // npm and the cloud under it
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!output.includes('Ready in')) reject(new Error(`cloud exited with ${code} before it was ready:\n${output}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await startOnce(); // the first start may create .local/ and warm caches; it is not what this measures
const results = [];
for (let i = 0; i < runs; i++) results.push(await startOnce());
const ready = median(results.map((r) => r.readyMs));
const rss = median(results.map((r) => r.rssMb));
console.log(`local cloud start-up on an existing .local/: ${runs} runs of \`npm run cloud\`, command start to "Ready"`);
console.log(
  `  ready: median ${ready.toFixed(0)} ms (runs: ${results.map((r) => r.readyMs.toFixed(0)).join(', ')}; budget ${budget.readyMs} ms)`,
);
console.log(
  `  RSS:   median ${rss.toFixed(0)} MB (runs: ${results.map((r) => r.rssMb.toFixed(0)).join(', ')}; budget ${budget.rssMb} MB)`,
);
const ok = ready <= budget.readyMs && rss <= budget.rssMb;
console.log(ok ? '  within budget' : '  OVER BUDGET');
process.exit(ok ? 0 : 1);
