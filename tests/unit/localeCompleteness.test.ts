import { describe, expect, it } from 'vitest';

/**
 * Every language has every message: the same area files, the same nested keys, and in each
 * message the same placeholders and plural branches as English. Guards every area, so a key
 * added in English only fails here rather than showing English to a Dutch or French user.
 */
const OTHERS = ['nl', 'fr'] as const;

type Messages = { [key: string]: string | Messages };

// Every area file of every language, read as plain JSON (not compiled to messages).
const files = import.meta.glob<Messages>('/src/i18n/locales/*/*.json', { eager: true, import: 'default' });

const areaFiles = (locale: string): string[] =>
  Object.keys(files)
    .filter((path) => path.startsWith(`/src/i18n/locales/${locale}/`))
    .map((path) => path.slice(path.lastIndexOf('/') + 1))
    .sort();

const readArea = (locale: string, file: string): Messages => files[`/src/i18n/locales/${locale}/${file}`]!;

/** 'nav.signOut' → 'Sign out', for every leaf. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [childPath, childValue] of flatten(value, path)) flat.set(childPath, childValue);
  }
  return flat;
}

/** What a translation must keep: its placeholders and how many plural branches it has. */
function shape(message: string): string {
  const placeholders = [...message.matchAll(/\{\s*([\w.]+)\s*\}/g)].map((match) => match[1]).sort();
  const branches = message.split(/\s\|\s/).length;
  return `${placeholders.join(',')}|${branches}`;
}

const englishFiles = areaFiles('en');

describe('translations are complete', () => {
  it('has English areas to compare with', () => {
    expect(englishFiles).toContain('common.json');
  });

  it.each(OTHERS)('%s has exactly the same area files as English', (locale) => {
    expect(areaFiles(locale)).toEqual(englishFiles);
  });

  describe.each(englishFiles)('%s', (file) => {
    const english = flatten(readArea('en', file));

    it.each(OTHERS)('%s has exactly the same keys', (locale) => {
      const translated = flatten(readArea(locale, file));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it.each(OTHERS)('%s keeps the placeholders and plural branches', (locale) => {
      const translated = flatten(readArea(locale, file));
      for (const [key, message] of english) {
        const other = translated.get(key);
        if (other !== undefined) expect({ key, shape: shape(other) }).toEqual({ key, shape: shape(message) });
      }
    });

    it.each(OTHERS)('%s has no empty messages', (locale) => {
      const empty = [...flatten(readArea(locale, file))].filter(([, message]) => !message.trim()).map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });
});
