/**
 * `npm run bench:startup`: how fast `npm run cloud` is ready on an existing `.local/`, and how much
 * memory it holds then. Starts the cloud as a child process several times, waits for its
 * "ready" line, reads its resident memory from /proc, and prints the median. A figure, not a test.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const runs = Number(process.env.RUNS ?? 5);
const budget = { readyMs: 3000, rssMb: 450 };

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function startOnce(): Promise<{ readyMs: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // tsx is loaded in-process (--import) so the measured pid is the cloud itself, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cloud.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env },
    });
    let output = '';
    child.stdout.on('data', async (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Ready in')) return;
      const readyMs = performance.now() - started;
      const memory = await rssMb(child.pid!);
      child.kill('SIGTERM');
      child.on('exit', () => resolve({ readyMs, rssMb: memory }));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!output.includes('Ready in')) reject(new Error(`cloud exited with ${code} before it was ready:\n${output}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await startOnce(); // the first start may create .local/; it is not what this measures
const results = [];
for (let i = 0; i < runs; i++) results.push(await startOnce());
const ready = median(results.map((r) => r.readyMs));
const rss = median(results.map((r) => r.rssMb));
console.log(`local cloud start-up on an existing .local/ (${runs} runs, process start to ready line)`);
console.log(`  ready: median ${ready.toFixed(0)} ms (runs: ${results.map((r) => r.readyMs.toFixed(0)).join(', ')}), budget ${budget.readyMs} ms`);
console.log(`  RSS:   median ${rss.toFixed(0)} MB (runs: ${results.map((r) => r.rssMb.toFixed(0)).join(', ')}), budget ${budget.rssMb} MB`);
const ok = ready <= budget.readyMs && rss <= budget.rssMb;
console.log(ok ? '  within budget' : '  OVER BUDGET');
process.exit(ok ? 0 : 1);
