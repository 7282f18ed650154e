import { I18n } from 'aws-amplify/utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureAmplify } from '@/amplify';
import { signInWithPassword } from '@/auth/signIn';
import { setLocale } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import SignInView from '@/views/SignInView.vue';
import { mountWithApp } from './mountWithApp';

vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));
// The app's own sign-in seam; how a refusal is told stays real.
vi.mock('@/auth/signIn', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/auth/signIn')>()),
  signInWithPassword: vi.fn(),
}));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

// ui-vue keeps one Authenticator state machine while any view holds it: unmount every view so
// each test starts afresh.
let mounted: Awaited<ReturnType<typeof mountWithApp>> | undefined;
async function mountSignIn(path = '/sign-in'): Promise<Mounted> {
  mounted = await mountWithApp(SignInView, { path });
  return mounted.wrapper;
}

const labels = (wrapper: Mounted) => wrapper.findAll('label').map((label) => label.text());
const tab = (wrapper: Mounted, name: string) => wrapper.findAll('[role="tab"]').find((each) => each.text() === name);
const authenticatorSubmit = (wrapper: Mounted) => wrapper.find('form button.amplify-button--primary');
const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

async function fillAndSubmit(wrapper: Mounted, email: string, password: string): Promise<void> {
  await wrapper.get('input[type="email"]').setValue(email);
  await wrapper.get('input[type="password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
}

// Configured as the app does (email sign-in, name and email on sign-up); nothing is sent anywhere.
beforeAll(() =>
  configureAmplify({
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    userPoolClientId: 'test-client',
    graphqlUrl: 'http://127.0.0.1:1/graphql',
    localCloud: false,
  }),
);
beforeEach(() => {
  localStorage.clear();
  vi.mocked(signInWithPassword).mockReset();
});
afterEach(async () => {
  mounted?.wrapper.unmount();
  mounted = undefined;
  await setLocale('en');
  document.body.innerHTML = '';
});

describe('SignInView', () => {
  it('paints its own sign-in form at once, without the Authenticator', async () => {
    const wrapper = await mountSignIn();
    expect(wrapper.get('h1').text()).toBe('Sign in to Huddle');
    expect(labels(wrapper)).toEqual(['Email', 'Password']);
    expect(wrapper.get('form button[type="submit"]').text()).toBe('Sign in');
    expect(tab(wrapper, 'Sign In')!.attributes('aria-selected')).toBe('true');
    expect(tab(wrapper, 'Create Account')!.attributes('aria-selected')).toBe('false');
    expect(wrapper.find('[data-amplify-authenticator]').exists()).toBe(false);
  });

  it('speaks the chosen language', async () => {
    await setLocale('nl');
    const wrapper = await mountSignIn();
    expect(wrapper.get('h1').text()).toBe('Inloggen bij Huddle');
    expect(labels(wrapper)).toEqual(['E-mailadres', 'Wachtwoord']);
    expect(wrapper.get('form button[type="submit"]').text()).toBe('Inloggen');
  });

  it('signs in with the form and then goes where the user was heading', async () => {
    vi.mocked(signInWithPassword).mockResolvedValue({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const wrapper = await mountSignIn('/sign-in?redirect=/account');
    await fillAndSubmit(wrapper, 'emma.peeters@student.kuleuven.be', 'Huddle-demo-2026');
    await vi.waitFor(() =>
      expect(signInWithPassword).toHaveBeenCalledWith('emma.peeters@student.kuleuven.be', 'Huddle-demo-2026'),
    );
    await vi.waitFor(() => expect(wrapper.get('form button[type="submit"]').text()).toBe('Signing you in…'));

    // Amplify announces the sign-in on Hub; the session store follows.
    useSessionStore().$patch({ status: 'signedIn' });
    await vi.waitFor(() => expect(mounted!.router.currentRoute.value.fullPath).toBe('/account'));
  });

  it('tells a refused sign-in in the user’s words, and the form can be sent again', async () => {
    vi.mocked(signInWithPassword).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    const wrapper = await mountSignIn();
    await fillAndSubmit(wrapper, 'emma.peeters@student.kuleuven.be', 'wrong');
    await vi.waitFor(() => expect(wrapper.get('[role="alert"]').text()).toBe('Incorrect email or password.'));
    expect(wrapper.get('input[type="password"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('form button[type="submit"]').attributes('disabled')).toBeUndefined();

    vi.mocked(signInWithPassword).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Password attempts exceeded'),
    );
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(wrapper.get('[role="alert"]').text()).toBe('Too many attempts. Try again in a few minutes.'),
    );
  });

  it('hands a sign-in that needs another step to the Authenticator, at that step', async () => {
    vi.mocked(signInWithPassword).mockResolvedValue({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] },
    });
    const wrapper = await mountSignIn();
    await fillAndSubmit(wrapper, 'admin@kuleuven.be', 'Temporary-1');
    await vi.waitFor(() => expect(authenticatorSubmit(wrapper).text()).toBe('Change Password'), { timeout: 5000 });
    // The Authenticator continued the form's sign-in: it did not sign in a second time.
    expect(signInWithPassword).toHaveBeenCalledTimes(1);
  });

  it('opens the Authenticator on "Create Account", with our own field labels, in French', async () => {
    await setLocale('fr');
    const wrapper = await mountSignIn();
    await tab(wrapper, 'Créer un compte')!.trigger('click');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Nom affiché'), { timeout: 5000 });
    expect(labels(wrapper)).toContain('Adresse e-mail universitaire');
    expect(wrapper.get('input[name="email"]').attributes('placeholder')).toBe('vous@etudiant.universite.be');
    expect(authenticatorSubmit(wrapper).text()).toBe('Créer un compte');
  });

  it('moves between its tabs with the arrow keys, one tab stop for both', async () => {
    const wrapper = await mountSignIn();
    const signInTab = tab(wrapper, 'Sign In')!;
    const createTab = tab(wrapper, 'Create Account')!;
    expect([signInTab.attributes('tabindex'), createTab.attributes('tabindex')]).toEqual(['0', '-1']);
    await signInTab.trigger('keydown', { key: 'ArrowRight' });
    await vi.waitFor(() => expect(document.activeElement).toBe(createTab.element));
    expect([signInTab.attributes('tabindex'), createTab.attributes('tabindex')]).toEqual(['-1', '0']);
    // Arrows only move focus: the Authenticator opens when the tab is chosen.
    expect(wrapper.find('[data-amplify-authenticator]').exists()).toBe(false);
  });

  it('opens the Authenticator on its reset screen for "Forgot your password?"', async () => {
    const wrapper = await mountSignIn();
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Forgot your password?')!
      .trigger('click');
    await vi.waitFor(() => expect(authenticatorSubmit(wrapper).text()).toBe('Send code'), { timeout: 5000 });
  });

  it('keeps the step the user is on in the Authenticator when the language changes', async () => {
    const wrapper = await mountSignIn();
    await tab(wrapper, 'Create Account')!.trigger('click');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Display name'), { timeout: 5000 });

    await setLocale('nl');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Weergavenaam'));
    expect(authenticatorSubmit(wrapper).text()).toBe('Account aanmaken');
  });

  it('stops following the language once the page is gone', async () => {
    const wrapper = await mountSignIn();
    await tab(wrapper, 'Create Account')!.trigger('click');
    await vi.waitFor(() => expect(authenticatorSubmit(wrapper).exists()).toBe(true), { timeout: 5000 });
    await setLocale('nl');
    await vi.waitFor(() => expect(authenticatorSubmit(wrapper).text()).toBe('Account aanmaken'));
    wrapper.unmount();
    mounted = undefined;
    await setLocale('fr');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(I18n.get('Sign in')).toBe('Inloggen');
  });
});
