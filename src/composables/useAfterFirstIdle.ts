import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/**
 * Becomes true once the browser is idle after the component mounted (requestIdleCallback; a
 * timeout where there is none), at the latest after `timeoutMs`. For what the page does not need to
 * show (the header's bell and its live connection): it loads in a task of its own after the page
 * has painted, instead of lengthening the task that paints it.
 */
export function useAfterFirstIdle(timeoutMs = 2_000): Readonly<Ref<boolean>> {
  const idle = ref(false);
  let cancel: (() => void) | undefined;
  onMounted(() => {
    const done = () => (idle.value = true);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(done, { timeout: timeoutMs });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(done, 0);
      cancel = () => clearTimeout(id);
    }
  });
  onBeforeUnmount(() => cancel?.());
  return idle;
}
