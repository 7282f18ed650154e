import type { AuthenticatorDictionary } from './texts';

/** The sign-in screen's first texts in Belgian Dutch (our own wording; see ./texts.ts). */
const nl: AuthenticatorDictionary = {
  'Sign In': 'Inloggen',
  'Sign in': 'Inloggen',
  'Signing in': 'Bezig met inloggen',
  'Sign in to your account': 'Log in op je account',
  'Create Account': 'Account aanmaken',
  'Forgot your password?': 'Wachtwoord vergeten?',
  Loading: 'Bezig met laden',
  or: 'of',
  'Dismiss alert': 'Melding sluiten',
  'Show password': 'Wachtwoord tonen',
  'Hide password': 'Wachtwoord verbergen',
  Email: 'E-mailadres',
  'Enter your Email': 'Vul je e-mailadres in',
  'Enter your email': 'Vul je e-mailadres in',
  Password: 'Wachtwoord',
  'Enter your Password': 'Vul je wachtwoord in',
};

export default nl;
