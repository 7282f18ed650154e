import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useDocumentTitle } from '@/composables/useDocumentTitle';
import { setLocale } from '@/i18n';

describe('useDocumentTitle', () => {
  it('names the tab after the page content, also after a language switch', async () => {
    document.title = 'Activity · Huddle';
    const title = ref<string | null>(null);
    const scope = effectScope();
    scope.run(() => useDocumentTitle(title));
    expect(document.title).toBe('Activity · Huddle');

    title.value = 'Beach volleyball';
    await nextTick();
    expect(document.title).toBe('Beach volleyball · Huddle');

    document.title = 'Activiteit · Huddle'; // what the router writes on a switch, before this listener
    await setLocale('nl');
    expect(document.title).toBe('Beach volleyball · Huddle');

    scope.stop();
    await setLocale('en');
    document.title = 'Activity · Huddle';
    title.value = 'Something else';
    await nextTick();
    expect(document.title).toBe('Activity · Huddle');
  });
});
