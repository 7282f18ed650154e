/**
 * Calls `onBack` whenever the user may have missed something: the window regains focus, the browser
 * is back online, or the tab becomes visible again. Returns the function that stops listening.
 */
export function whenBackInView(onBack: () => void): () => void {
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') onBack();
  };
  window.addEventListener('focus', onBack);
  window.addEventListener('online', onBack);
  document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    window.removeEventListener('focus', onBack);
    window.removeEventListener('online', onBack);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
