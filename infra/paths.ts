import { fileURLToPath } from 'node:url';

/** Absolute paths from the repository root, whatever folder cdk or vitest runs in. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
