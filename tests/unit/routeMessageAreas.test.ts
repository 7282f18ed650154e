import { describe, expect, it } from 'vitest';
import { SHELL_AREAS } from '@/i18n';
import { routes } from '@/router/routes';
import { staffRoutes } from '@/router/staffRoutes';
import common from '@/i18n/locales/en/common.json';

/**
 * Each page fetches only the message areas its route names (meta.i18n). This walks every route's
 * view and what it imports from src/, collects the areas its t('area.…') calls use, and checks the
 * route names them all: a missing one would show raw keys to users of that page.
 */
const sources = import.meta.glob<string>('/src/**/*.{vue,ts}', { query: '?raw', import: 'default', eager: true });

const IMPORT = /import\s+(?:[^'"]*?\s+from\s+)?['"]((?:@\/|\.{1,2}\/)[^'"]+)['"]/g;
const DYNAMIC_IMPORT = /import\(\s*['"]((?:@\/|\.{1,2}\/)[^'"]+)['"]\s*\)/g;
const MESSAGE_KEY = /\b(?:t|translate)\(\s*['"`]([a-zA-Z]+)\./g;

function resolve(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? `/src/${spec.slice(2)}` : new URL(spec, `file://${from}`).pathname;
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => candidate in sources);
}

/** Areas used by a file and everything it imports statically (lazy imports load their own). */
function areasOf(file: string, seen = new Set<string>()): Set<string> {
  const areas = new Set<string>();
  if (seen.has(file)) return areas;
  seen.add(file);
  const source = sources[file] ?? '';
  for (const [, area] of source.matchAll(MESSAGE_KEY)) areas.add(area!);
  const lazy = new Set([...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]));
  for (const [, spec] of source.matchAll(IMPORT)) {
    if (lazy.has(spec)) continue;
    const target = resolve(file, spec!);
    if (target && !target.startsWith('/src/i18n/')) for (const area of areasOf(target, seen)) areas.add(area);
  }
  return areas;
}

// Every page's route: the staff and admin screens' load later (staffRoutes.ts); their placeholders show nothing.
const pages = [
  ...routes.filter((route) => !route.meta?.staffArea).map((route) => ({ route, file: '/src/router/routes.ts' })),
  ...staffRoutes.map((route) => ({ route, file: '/src/router/staffRoutes.ts' })),
];

describe('message areas of each route', () => {
  it.each(pages.map(({ route, file }) => [route.name, route, file] as const))(
    '%s names every area its page uses',
    (_name, route, file) => {
      const view = new RegExp(`name: '${route.name}',\\s*component: \\(\\) => import\\('(@/views/\\w+\\.vue)'\\)`).exec(
        sources[file]!,
      )?.[1];
      expect(view, `the view of ${route.name}`).toBeDefined();
      const used = areasOf(resolve(file, view!)!);
      const named = new Set<string>([...SHELL_AREAS, ...(route.meta?.i18n ?? [])]);
      expect([...used].filter((area) => !named.has(area))).toEqual([]);
    },
  );

  it.each(pages.map(({ route }) => [route.name] as const))('%s has a page title message', (name) => {
    const key = name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
    expect(Object.keys(common.routeTitle)).toContain(key);
  });
});
