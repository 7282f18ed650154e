import { beforeEach } from 'vitest';
import { loadAllAreas, setLocale } from '@/i18n';

// Each test starts in English with every area loaded, whatever language the previous test chose.
beforeEach(async () => {
  await loadAllAreas('en');
  await setLocale('en');
});

// jsdom does not scroll; the router's scrollBehavior (src/router/scroll.ts) scrolls on every navigation.
window.scrollTo = (() => {}) as typeof window.scrollTo;
