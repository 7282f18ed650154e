import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentLocale, onLocaleChange, preferredLocale, setLocale, t } from '@/i18n';

const STORAGE_KEY = 'huddle.locale';

function browserLanguages(languages: string[]): void {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  vi.restoreAllMocks();
  await setLocale('en');
  localStorage.clear();
});

describe('preferredLocale', () => {
  it('takes the stored choice first, whatever the browser says', () => {
    browserLanguages(['fr-BE', 'fr']);
    localStorage.setItem(STORAGE_KEY, 'nl');
    expect(preferredLocale()).toBe('nl');
  });

  it("ignores a stored value that is not a language Huddle has, and takes the browser's first supported one", () => {
    localStorage.setItem(STORAGE_KEY, 'de');
    browserLanguages(['de-DE', 'fr-BE', 'nl-BE']);
    expect(preferredLocale()).toBe('fr');
  });

  it('falls back to English when neither the choice nor the browser give a supported language', () => {
    browserLanguages(['de-DE', 'es']);
    expect(preferredLocale()).toBe('en');
  });
});

describe('setLocale', () => {
  it('loads the Dutch messages, sets <html lang> and remembers the choice', async () => {
    expect(t('common.nav.signOut')).toBe('Sign out');
    await setLocale('nl');
    expect(currentLocale()).toBe('nl');
    expect(t('common.nav.signOut')).toBe('Uitloggen');
    expect(t('home.welcome', { name: 'Jef' })).toBe('Welkom, Jef');
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('nl');
    expect(preferredLocale()).toBe('nl');
  });

  it('loads French too, and tells listeners until they stop listening', async () => {
    const listener = vi.fn();
    const stop = onLocaleChange(listener);
    await setLocale('fr');
    expect(t('common.nav.signOut')).toBe('Se déconnecter');
    expect(listener).toHaveBeenLastCalledWith('fr');
    stop();
    await setLocale('en');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(document.documentElement.lang).toBe('en');
  });
});
