/**
 * Proves the local-cloud-only code never ships: builds the app twice into temporary folders and
 * searches every emitted file for markers that exist only in that code.
 *   - without VITE_LOCAL_CLOUD: no marker may appear (the production case);
 *   - with VITE_LOCAL_CLOUD=true: the markers must appear, or this check would prove nothing.
 * Run: `npx tsx scripts/check-no-local-rewrite.ts`. Exits 1 on failure.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

// From src/local/websocketRewrite.ts and the local-only dev-mailbox hint in SignInView.vue.
const MARKERS = ['huddle-local-websocket-rewrite', '__dev/mailbox'];

const AWS_ENV = {
  VITE_AWS_REGION: 'eu-west-1',
  VITE_USER_POOL_ID: 'eu-west-1_Check123',
  VITE_USER_POOL_CLIENT_ID: 'check123',
  VITE_GRAPHQL_URL: 'https://check.appsync-api.eu-west-1.amazonaws.com/graphql',
  // Empty, not absent: variables already in the environment win over .env files, so a developer's
  // .env.local with VITE_LOCAL_CLOUD=true cannot leak into the production build checked here.
  VITE_COGNITO_ENDPOINT: '',
  VITE_LOCAL_CLOUD: '',
};
const LOCAL_ENV = {
  VITE_AWS_REGION: 'local',
  VITE_USER_POOL_ID: 'local_check123',
  VITE_USER_POOL_CLIENT_ID: 'check123',
  VITE_GRAPHQL_URL: 'http://127.0.0.1:4000/graphql',
  VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
  VITE_LOCAL_CLOUD: 'true',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function markersInBuild(env: Record<string, string>): Promise<Map<string, string[]>> {
  Object.assign(process.env, env);
  const outDir = mkdtempSync(join(tmpdir(), 'huddle-build-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const found = new Map<string, string[]>();
    for (const file of filesUnder(outDir)) {
      const text = readFileSync(file, 'utf8');
      const hits = MARKERS.filter((marker) => text.includes(marker));
      if (hits.length > 0) found.set(file.slice(outDir.length + 1), hits);
    }
    return found;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const production = await markersInBuild(AWS_ENV);
const local = await markersInBuild(LOCAL_ENV);
const localMarkers = new Set([...local.values()].flat());

let failed = false;
if (production.size > 0) {
  failed = true;
  console.error('FAIL: local-cloud-only code is in the production build:');
  for (const [file, hits] of production) console.error(`  ${file}: ${hits.join(', ')}`);
} else {
  console.log(`OK: production build (VITE_LOCAL_CLOUD unset) contains none of: ${MARKERS.join(', ')}`);
}
const missing = MARKERS.filter((marker) => !localMarkers.has(marker));
if (missing.length > 0) {
  failed = true;
  console.error(`FAIL: the local build lacks ${missing.join(', ')}: the markers no longer match the code.`);
} else {
  console.log(`OK: local build (VITE_LOCAL_CLOUD=true) contains them, in ${[...local.keys()].join(', ')}`);
}
process.exit(failed ? 1 : 0);
