/**
 * Runs a TypeScript entry of the local tooling (`npm run cloud`, `npm run dev`) with plain Node:
 * esbuild bundles our own code into one file (npm packages stay external) and it is imported.
 * Start-up time is a budget, and a TypeScript loader hooking every one of the hundreds of modules
 * the cloud loads costs more than this ~0.1 s bundle.
 */
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run.mjs <entry.ts>');
  process.exit(2);
}
// The bundle lives in backend/.build/ so paths its code resolves from import.meta.url
// (`../schema.graphql` from backend/local/) land in backend/ as they do from the sources.
const outfile = resolve('backend/.build', `${basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
process.setSourceMapsEnabled(true);
await import(pathToFileURL(outfile).href);
