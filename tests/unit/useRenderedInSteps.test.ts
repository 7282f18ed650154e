import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { useRenderedInSteps } from '@/composables/useRenderedInSteps';

function mountList(initial: number[]) {
  const items = ref(initial);
  const wrapper = mount(
    defineComponent({
      setup() {
        const rendered = useRenderedInSteps(items, 4, 2);
        return () =>
          h(
            'ul',
            rendered.value.map((item) => h('li', item)),
          );
      },
    }),
  );
  return { items, wrapper, count: () => wrapper.findAll('li').length };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useRenderedInSteps', () => {
  it('renders the first items with the list and the rest a few per task after', async () => {
    const list = mountList(Array.from({ length: 9 }, (_, i) => i));
    expect(list.count()).toBe(4);
    await vi.advanceTimersToNextTimerAsync();
    expect(list.count()).toBe(6);
    await vi.advanceTimersToNextTimerAsync();
    expect(list.count()).toBe(8);
    await vi.advanceTimersToNextTimerAsync();
    expect(list.count()).toBe(9);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('renders a short list at once, and items added later at once', async () => {
    const list = mountList([1, 2, 3]);
    expect(list.count()).toBe(3);
    // The first list was whole: items that come later (load more) are not held back.
    list.items.value = [1, 2, 3, 4, 5, 6];
    await nextTick();
    expect(list.count()).toBe(6);
    list.items.value = [...list.items.value, 7, 8, 9, 10];
    await nextTick();
    expect(list.count()).toBe(10);
  });

  it('stops when the list goes away', async () => {
    const list = mountList(Array.from({ length: 20 }, (_, i) => i));
    list.wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
