import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';

/** Cards a phone shows at once, rendered in the task that brings the list. */
export const FIRST_STEP = 4;
/** Cards added in each later task: small enough that no task blocks input for long. */
export const NEXT_STEP = 2;

/**
 * A long list that arrives at once (20 activity cards, a conversation's messages, a week of
 * classes) rendered in steps: the first cards in the task that brings the list, then a few more in
 * each following task, so the page never blocks for the whole list (Lighthouse's total blocking time
 * on a phone). Items added later (load more) render at once, so focus can move to them.
 */
export function useRenderedInSteps<T>(items: Ref<readonly T[]>, first = FIRST_STEP, step = NEXT_STEP) {
  const limit = ref(first);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function renderMore(): void {
    timer = undefined;
    limit.value += step;
    if (limit.value < items.value.length) timer = setTimeout(renderMore, 0);
    else limit.value = Infinity;
  }

  watch(
    () => items.value.length,
    (length) => {
      if (limit.value === Infinity || timer !== undefined || length === 0) return;
      // The whole list is showing: from now on, what is added shows at once.
      if (length <= limit.value) limit.value = Infinity;
      else timer = setTimeout(renderMore, 0);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  return computed(() => (limit.value >= items.value.length ? items.value : items.value.slice(0, limit.value)));
}
