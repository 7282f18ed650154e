import { createI18n, type Composer } from 'petite-vue-i18n';
import { flattenArea } from './flattenArea';
import { SHELL_AREAS } from './shellAreas';

// petite-vue-i18n: the translation-only subset of Vue I18n (≈5 KB gz less than vue-i18n, see
// scripts/size.ts). Dates use Intl directly (./format.ts). Components import useI18n from here.
export { useI18n } from 'petite-vue-i18n';

export const LOCALES = ['en', 'nl', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };

const STORAGE_KEY = 'huddle.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's first supported language, else English. */
export function preferredLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode): fall back to the browser's languages.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Messages come in areas (one JSON file per area and language, compiled at build time) and each
 * file is its own small chunk: a page fetches only the areas it shows, in the one language in use.
 * Routes name their areas (meta.i18n, loaded by the router before the page resolves); the shell's
 * areas (header, errors) load before the first paint. A language switch loads, in the new language,
 * every area already in use.
 */
// The modules, not `{ import: 'default' }`: that option writes `.then((m) => m.default)` into each of
// the hundred-odd loaders in the entry; reading `.default` once below does the same.
const areaFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

export { SHELL_AREAS };

const areasInUse = new Set<string>(SHELL_AREAS);
const loadedAreas = new Set<string>();

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {},
  missingWarn: !import.meta.env.PROD,
  fallbackWarn: false,
});

/** The global composer (legacy: false), typed as such: createI18n's overloads lose that. */
const translator = i18n.global as unknown as Composer;

/** For code outside components (document titles, Amplify UI). */
export const t = (key: string, named?: Record<string, unknown>): string =>
  named ? translator.t(key, named) : translator.t(key);

const listeners = new Set<(locale: Locale) => void>();

/** Lets code outside components (Amplify UI's vocabulary) follow the language. */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLocale(): Locale {
  const value = translator.locale.value;
  return isLocale(value) ? value : 'en';
}

/** The language a switch is loading, while it does: pages opened meanwhile need both. */
let switchingTo: Locale | null = null;

/**
 * Fetches these areas' messages unless already there: in `locale`, or else in the current
 * language and, during a switch, in the language being switched to.
 */
export async function loadAreas(areas: readonly string[], locale?: Locale): Promise<void> {
  const locales = locale ? [locale] : [...new Set([currentLocale(), switchingTo ?? currentLocale()])];
  await Promise.all(locales.map((each) => loadAreasIn(areas, each)));
}

async function loadAreasIn(areas: readonly string[], locale: Locale): Promise<void> {
  await Promise.all(
    areas.map(async (area) => {
      areasInUse.add(area);
      const key = `${locale}/${area}`;
      if (loadedAreas.has(key)) return;
      const load = areaFiles[`./locales/${key}.json`];
      if (!load) throw new Error(`No messages for ${key}.`);
      translator.mergeLocaleMessage(locale, flattenArea(area, (await load()).default) as never);
      loadedAreas.add(key);
    }),
  );
}

/** Loads every area of a language at once (tests, and tools that need them all). */
export function loadAllAreas(locale: Locale = currentLocale()): Promise<void> {
  const areas = Object.keys(areaFiles)
    .filter((path) => path.startsWith(`./locales/${locale}/`))
    .map((path) => /([^/]+)\.json$/.exec(path)![1]!);
  return loadAreas(areas, locale);
}

/** Loads the language's messages for every area in use, then switches to it and remembers it. */
export async function setLocale(locale: Locale): Promise<void> {
  switchingTo = locale;
  try {
    await loadAreas([...areasInUse], locale);
  } finally {
    if (switchingTo === locale) switchingTo = null;
  }
  translator.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not stored: the choice lasts until the tab closes.
  }
  for (const listener of listeners) listener(locale);
}
