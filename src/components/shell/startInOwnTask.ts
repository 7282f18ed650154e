import { onBeforeUnmount, onMounted } from 'vue';
import { nextTask } from '@/nextTask';

/**
 * Once the calling component has mounted, starts each of the session's live stores (its first
 * count, its subscription) in a task of its own; not at all if the component is gone by then. The
 * bell, the Messages badge and the tab bar mount together: had each started its stores as it
 * mounted, the mounting and both stores' start would be one task, long enough on a phone to block
 * the page. Starting is idempotent, so the parts may each ask.
 */
export function startInOwnTasksOnMount(...starts: (() => void)[]): void {
  let mounted = false;
  onMounted(() => {
    mounted = true;
    for (const start of starts) void nextTask().then(() => mounted && start());
  });
  onBeforeUnmount(() => (mounted = false));
}
