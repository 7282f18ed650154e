import { I18n } from 'aws-amplify/utils';
import type { AuthenticatorDictionary, AuthenticatorLaterDictionary } from '@/i18n/amplifyUi/texts';
import { currentLocale, onLocaleChange, t, type Locale } from '@/i18n';

/**
 * Sign-in page only: the Amplify UI Authenticator reads its texts through Amplify's own `I18n`,
 * not vue-i18n, so this module gives it a vocabulary for the app's language and follows changes.
 */

/**
 * The Authenticator passes field labels through `I18n.get`, and it takes `formFields` once, when
 * its state machine starts. So SignInView gives it message keys as labels, and every language's
 * vocabulary maps them to the message: the labels then change with the language like the rest.
 */
export const SIGN_UP_FIELD_TEXTS = [
  'auth.signUp.displayName',
  'auth.signUp.displayNamePlaceholder',
  'auth.signUp.email',
  'auth.signUp.emailPlaceholder',
] as const;

// Two chunks per language, fetched only when that language is chosen; English needs none. The
// sign-in screen's texts come before the form shows; the other screens' texts, checks and errors
// right after, since they appear only after a click (npm run size counts the first on sign-in).
type Loader<T> = Record<Exclude<Locale, 'en'>, () => Promise<{ default: T }>>;
const formTexts: Loader<AuthenticatorDictionary> = {
  nl: () => import('@/i18n/amplifyUi/nl'),
  fr: () => import('@/i18n/amplifyUi/fr'),
};
const laterTexts: Loader<AuthenticatorLaterDictionary> = {
  nl: () => import('@/i18n/amplifyUi/nlLater'),
  fr: () => import('@/i18n/amplifyUi/frLater'),
};

async function loadDictionary<T>(loaders: Loader<T>, locale: Locale): Promise<Partial<T>> {
  if (locale === 'en') return {};
  try {
    return (await loaders[locale]()).default;
  } catch {
    // Offline or a stale deploy: Amplify's English texts beat a form that never shows.
    return {};
  }
}

/**
 * Gives the Authenticator the current language now and after every change, then calls
 * `onApplied` (the view re-renders the Authenticator, whose texts are computed once).
 * Returns the function that stops following; the caller owns it.
 */
export function followLocaleInAuthenticator(onApplied: (locale: Locale) => void): () => void {
  let latest = 0;
  const apply = async (locale: Locale): Promise<void> => {
    const run = ++latest;
    const dictionary = await loadDictionary(formTexts, locale);
    // A quicker, later choice already won: do not switch back to this one.
    if (run !== latest) return;
    const ownTexts = Object.fromEntries(SIGN_UP_FIELD_TEXTS.map((key) => [key, t(key)]));
    I18n.putVocabulariesForLanguage(locale, { ...dictionary, ...ownTexts });
    I18n.setLanguage(locale);
    onApplied(locale);
    const later = await loadDictionary(laterTexts, locale);
    if (run === latest) I18n.putVocabulariesForLanguage(locale, later);
  };
  void apply(currentLocale());
  const stop = onLocaleChange((locale) => void apply(locale));
  return () => {
    latest += 1;
    stop();
  };
}
