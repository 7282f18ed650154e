import { onScopeDispose, watch, type Ref } from 'vue';

const PREFIX = /^\(\d+\+?\) /;

/**
 * While the tab is in the background, the browser tab shows the unread count before the page's
 * title ("(2) Messages · Huddle"), as mail and chat apps do; back in view, the plain title returns.
 */
export function useUnreadTitle(count: Ref<number>): void {
  function show(): void {
    const plain = document.title.replace(PREFIX, '');
    const n = count.value;
    document.title = document.visibilityState === 'hidden' && n > 0 ? `(${n > 99 ? '99+' : n}) ${plain}` : plain;
  }
  watch(count, show);
  document.addEventListener('visibilitychange', show);
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', show);
    document.title = document.title.replace(PREFIX, '');
  });
}
