import type { AuthenticatorDictionary } from './texts';

/** The sign-in screen's first texts in French (our own wording; see ./texts.ts). */
const fr: AuthenticatorDictionary = {
  'Sign In': 'Se connecter',
  'Sign in': 'Se connecter',
  'Signing in': 'Connexion en cours',
  'Sign in to your account': 'Connectez-vous à votre compte',
  'Create Account': 'Créer un compte',
  'Forgot your password?': 'Mot de passe oublié\u202f?',
  Loading: 'Chargement',
  or: 'ou',
  'Dismiss alert': 'Fermer le message',
  'Show password': 'Afficher le mot de passe',
  'Hide password': 'Masquer le mot de passe',
  Email: 'Adresse e-mail',
  'Enter your Email': 'Saisissez votre adresse e-mail',
  'Enter your email': 'Saisissez votre adresse e-mail',
  Password: 'Mot de passe',
  'Enter your Password': 'Saisissez votre mot de passe',
};

export default fr;
