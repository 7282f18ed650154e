import { describe, expect, it } from 'vitest';
import { repairAuthenticatorTabs } from '@/auth/authenticatorA11y';

const wrapperHtml =
  '<div class="amplify-authenticator__tabs" tabindex="0" aria-orientation="horizontal"><div role="tablist"></div></div>';

describe('repairAuthenticatorTabs', () => {
  it('drops the stray tab stop and ARIA attribute, also when the wrapper is drawn again', async () => {
    const root = document.createElement('div');
    root.innerHTML = wrapperHtml;
    const stop = repairAuthenticatorTabs(root);
    const first = root.querySelector('.amplify-authenticator__tabs')!;
    expect(first.hasAttribute('tabindex')).toBe(false);
    expect(first.hasAttribute('aria-orientation')).toBe(false);

    root.innerHTML = wrapperHtml; // the Authenticator re-renders (e.g. after a language switch)
    await Promise.resolve();
    const second = root.querySelector('.amplify-authenticator__tabs')!;
    expect(second.hasAttribute('aria-orientation')).toBe(false);
    expect(second.hasAttribute('tabindex')).toBe(false);

    stop();
    root.innerHTML = wrapperHtml;
    await Promise.resolve();
    expect(root.querySelector('.amplify-authenticator__tabs')!.hasAttribute('aria-orientation')).toBe(true);
  });
});
