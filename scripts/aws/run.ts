import { spawn } from 'node:child_process';

/** Runs a command in the repository with its output shown, resolving when it exits with 0. */
export function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} stopped (${signal ?? `exit ${code}`}).`)),
    );
  });
}

export const step = (line: string) => console.log(`\n=== ${line}`);
