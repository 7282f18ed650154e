/**
 * Lets the browser run other tasks (input, painting, a timer) before going on: the start-up's work
 * is cut into tasks that each stay short on a slow phone, instead of one long task that blocks the
 * page (what Lighthouse counts as total blocking time). `scheduler.yield` where the browser has
 * it (its continuation goes before other queued tasks); a zero timeout elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
