/**
 * Amplify UI's Authenticator renders its tab wrapper as a plain <div> with tabindex="0" and
 * aria-orientation: an extra tab stop that announces nothing, and an ARIA attribute a div may
 * not carry (axe: aria-allowed-attr, critical). The real tablist inside it is fine. This removes
 * the two attributes whenever the Authenticator (re)draws the wrapper, until the returned
 * function stops watching.
 */
export function repairAuthenticatorTabs(root: HTMLElement): () => void {
  const repair = () => {
    for (const wrapper of root.querySelectorAll('.amplify-authenticator__tabs')) {
      wrapper.removeAttribute('aria-orientation');
      if (wrapper.getAttribute('role') === null) wrapper.removeAttribute('tabindex');
    }
  };
  repair();
  const observer = new MutationObserver(repair);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
