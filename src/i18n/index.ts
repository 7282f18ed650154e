import { createI18n, type Composer } from 'petite-vue-i18n';
import en from './locales/en';

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

// English is in the entry (it is the fallback for any missing key); Dutch and French are
// separate chunks, fetched only by those who choose them.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  nl: () => import('./locales/nl'),
  fr: () => import('./locales/fr'),
};

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as never,
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

/** Loads the language if needed, switches to it, remembers the choice and tells the page. */
export async function setLocale(locale: Locale): Promise<void> {
  if (!translator.availableLocales.includes(locale) && locale !== 'en') {
    const messages = (await loaders[locale]()).default;
    translator.setLocaleMessage(locale, messages as never);
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
