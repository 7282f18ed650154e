import { effectScope, ref } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUnreadTitle } from '@/composables/useUnreadTitle';

let visibility: DocumentVisibilityState = 'visible';
vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
const setVisibility = (state: DocumentVisibilityState) => {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
};

afterEach(() => setVisibility('visible'));

describe('useUnreadTitle', () => {
  it('puts the unread count before the title while the tab is in the background, and takes it away after', async () => {
    document.title = 'Huddle';
    const count = ref(2);
    const scope = effectScope();
    scope.run(() => useUnreadTitle(count));
    expect(document.title).toBe('Huddle');
    setVisibility('hidden');
    expect(document.title).toBe('(2) Huddle');
    count.value = 3;
    await Promise.resolve();
    expect(document.title).toBe('(3) Huddle');
    count.value = 0;
    await Promise.resolve();
    expect(document.title).toBe('Huddle');
    count.value = 120;
    await Promise.resolve();
    expect(document.title).toBe('(99+) Huddle');
    setVisibility('visible');
    expect(document.title).toBe('Huddle');
    setVisibility('hidden');
    scope.stop();
    expect(document.title).toBe('Huddle');
  });
});
