/**
 * Bundle budget: what a browser must download before each first page can show.
 *
 * Run after a production build (vite.config.ts sets build.manifest): `npx vite build && npx tsx scripts/size.ts`.
 * From the Vite manifest it takes the entry (index.html) plus a route's view chunk — found by its
 * source path, e.g. "src/views/SignInView.vue" — and follows their static `imports` (never
 * `dynamicImports`, which load later), collecting each chunk's JS and CSS, plus the heaviest
 * language chunk (Dutch or French users fetch one before the first page). Every file is gzipped
 * at level 9 and summed. Exits 1 when a budget is exceeded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface RouteBudget {
  route: string;
  /** Source path of the route's view, the key of its chunk in the manifest. */
  view: string;
  maxKb: number;
  /** Which bytes the budget counts. */
  counts: 'js' | 'js+css';
}

const BUDGETS: RouteBudget[] = [
  { route: '/', view: 'src/views/HomeView.vue', maxKb: 110, counts: 'js' },
  { route: '/sign-in', view: 'src/views/SignInView.vue', maxKb: 180, counts: 'js+css' },
];

const distDir = process.argv[2] ?? 'dist';
const manifestPath = join(distDir, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run \`npx vite build\` first (build.manifest must be true).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('The manifest has no entry chunk.');

/** The chunk keys a browser fetches for `start`: itself and its static imports, recursively. */
function staticClosure(start: string, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  for (const imported of manifest[start]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const gzipKb = (file: string): number => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / 1024;

// A language other than the one in the entry is a chunk fetched before the first page shows
// (src/main.ts awaits it). The budgets count the heaviest one, so they hold in every language.
const localeChunks = Object.entries(manifest)
  .filter(([key]) => /src\/i18n\/locales\/\w+\/index\.ts$/.test(key))
  .map(([key, chunk]) => ({ key, file: chunk.file, kb: gzipKb(chunk.file) }))
  .sort((a, b) => b.kb - a.kb);
const heaviestLocale = localeChunks[0];
console.log('Language chunks (gzip -9):');
for (const chunk of localeChunks) console.log(`  ${chunk.kb.toFixed(1).padStart(6)} KB  ${chunk.key}`);

let failed = false;
for (const budget of BUDGETS) {
  const keys = staticClosure(entryKey);
  // An eagerly imported view has no chunk of its own: it is already inside the entry's closure.
  const viewHasChunk = budget.view in manifest;
  if (viewHasChunk) staticClosure(budget.view, keys);

  const files = new Map<string, 'js' | 'css'>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    if (chunk.file.endsWith('.js')) files.set(chunk.file, 'js');
    for (const css of chunk.css ?? []) files.set(css, 'css');
  }

  if (heaviestLocale) files.set(heaviestLocale.file, 'js');

  let js = 0;
  let css = 0;
  console.log(
    `\n${budget.route}  (entry ${entryKey} + ${viewHasChunk ? budget.view : `${budget.view}, bundled in the entry`})`,
  );
  for (const [file, kind] of [...files].sort()) {
    const kb = gzipKb(file);
    if (kind === 'js') js += kb;
    else css += kb;
    console.log(`  ${kind.padEnd(4)}${kb.toFixed(1).padStart(8)} KB  ${file}`);
  }
  const counted = budget.counts === 'js' ? js : js + css;
  const ok = counted <= budget.maxKb;
  failed ||= !ok;
  console.log(
    `  JS ${js.toFixed(1)} KB + CSS ${css.toFixed(1)} KB (gzip -9) → ${budget.counts.toUpperCase()} ${counted.toFixed(1)} KB ` +
      `of ${budget.maxKb} KB  ${ok ? 'OK' : 'OVER BUDGET'}`,
  );
}

process.exit(failed ? 1 : 0);
