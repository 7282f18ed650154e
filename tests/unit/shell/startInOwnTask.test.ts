import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { startInOwnTasksOnMount } from '@/components/shell/startInOwnTask';

const partStarting = (...starts: (() => void)[]) =>
  defineComponent({
    setup() {
      startInOwnTasksOnMount(...starts);
      return () => h('span');
    },
  });

describe('the shell parts start their stores in tasks of their own', () => {
  it('not in the task that mounts them, then each one', async () => {
    const first = vi.fn();
    const second = vi.fn();
    mount(partStarting(first, second));
    expect(first).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(second).toHaveBeenCalledOnce());
    expect(first).toHaveBeenCalledOnce();
  });

  it('not at all when the part is gone before its turn', async () => {
    const start = vi.fn();
    const part = mount(partStarting(start));
    part.unmount();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await flushPromises();
    expect(start).not.toHaveBeenCalled();
  });
});
