import { I18n } from 'aws-amplify/utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureAmplify } from '@/amplify';
import { setLocale } from '@/i18n';
import SignInView from '@/views/SignInView.vue';
import { mountWithApp } from './mountWithApp';

vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

// ui-vue keeps one Authenticator state machine while any view holds it: unmount every view so
// each test starts on the sign-in step.
let mounted: Mounted | undefined;
async function mountSignIn(): Promise<Mounted> {
  mounted = (await mountWithApp(SignInView, { path: '/sign-in' })).wrapper;
  return mounted;
}

const submitButton = (wrapper: Mounted) => wrapper.find('form button.amplify-button--primary');
const labels = (wrapper: Mounted) => wrapper.findAll('label').map((label) => label.text());

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
beforeEach(() => localStorage.clear());
afterEach(async () => {
  mounted?.unmount();
  mounted = undefined;
  await setLocale('en');
  document.body.innerHTML = '';
});

// The real Amplify UI Authenticator: with no one signed in it shows the sign-in form.
describe('SignInView', () => {
  it('shows the Authenticator in English', async () => {
    const wrapper = await mountSignIn();
    await vi.waitFor(() => expect(submitButton(wrapper).text()).toBe('Sign in'));
    expect(wrapper.get('h1').text()).toBe('Sign in to Huddle');
    expect(labels(wrapper)).toEqual(expect.arrayContaining(['Email', 'Password']));
  });

  it('follows the language: Dutch, then French, with our own field labels on the sign-up tab', async () => {
    const wrapper = await mountSignIn();
    await vi.waitFor(() => expect(submitButton(wrapper).text()).toBe('Sign in'));

    await setLocale('nl');
    await vi.waitFor(() => expect(submitButton(wrapper).text()).toBe('Inloggen'));
    expect(wrapper.get('h1').text()).toBe('Inloggen bij Huddle');
    expect(labels(wrapper)).toEqual(expect.arrayContaining(['E-mailadres', 'Wachtwoord']));

    await setLocale('fr');
    await vi.waitFor(() => expect(submitButton(wrapper).text()).toBe('Se connecter'));
    const createAccountTab = wrapper.findAll('[role="tab"]').find((tab) => tab.text() === 'Créer un compte');
    await createAccountTab!.trigger('click');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Nom affiché'));
    expect(labels(wrapper)).toContain('Adresse e-mail universitaire');
    expect(wrapper.get('input[name="email"]').attributes('placeholder')).toBe('vous@etudiant.universite.be');
  });

  it('keeps the step the user is on when the language changes', async () => {
    const wrapper = await mountSignIn();
    await vi.waitFor(() => expect(submitButton(wrapper).exists()).toBe(true));
    await wrapper
      .findAll('[role="tab"]')
      .find((tab) => tab.text() === 'Create Account')!
      .trigger('click');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Display name'));

    await setLocale('nl');
    await vi.waitFor(() => expect(labels(wrapper)).toContain('Weergavenaam'));
    expect(submitButton(wrapper).text()).toBe('Account aanmaken');
  });

  it('stops following the language once the page is gone', async () => {
    const wrapper = await mountSignIn();
    await setLocale('nl');
    await vi.waitFor(() => expect(submitButton(wrapper).text()).toBe('Inloggen'));
    wrapper.unmount();
    mounted = undefined;
    await setLocale('fr');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(I18n.get('Sign in')).toBe('Inloggen');
  });
});
