import { onScopeDispose, watch, type Ref } from 'vue';
import { onLocaleChange } from '@/i18n';

/**
 * A page whose title is its content (an activity's name) names the browser tab after it, instead
 * of the route's generic title. The router sets the generic one after each navigation and language
 * switch; this listens after the router does, so the page's own title wins while it is open.
 */
export function useDocumentTitle(title: Ref<string | null>): void {
  const show = () => {
    if (title.value) document.title = `${title.value} · Huddle`;
  };
  watch(title, show, { immediate: true });
  onScopeDispose(onLocaleChange(show));
}
