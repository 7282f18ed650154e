import type { AuthenticatorLaterDictionary } from './texts';

/** The Authenticator's other screens, checks and errors in French; fetched after the form shows. */
const frLater: AuthenticatorLaterDictionary = {
  'Creating Account': 'Création du compte',
  'Create a new account': 'Créer un nouveau compte',
  'Forgot password?': 'Mot de passe oublié\u202f?',
  'Forgot Password?': 'Mot de passe oublié\u202f?',
  'Reset your password': 'Réinitialisez votre mot de passe',
  'Reset your Password': 'Réinitialisez votre mot de passe',
  'Reset Password': 'Réinitialiser le mot de passe',
  'Send code': 'Envoyer le code',
  'Send Code': 'Envoyer le code',
  Sending: 'Envoi en cours',
  'Back to Sign In': 'Retour à la connexion',
  Submit: 'Valider',
  Submitting: 'Validation en cours',
  Confirm: 'Confirmer',
  Confirming: 'Confirmation en cours',
  'Confirm Sign Up': 'Confirmer l’inscription',
  'Resend Code': 'Renvoyer le code',
  'Change Password': 'Changer le mot de passe',
  Changing: 'Modification en cours',
  Skip: 'Passer',
  Verify: 'Vérifier',
  'Verify Contact': 'Vérifier les coordonnées',
  'Account recovery requires verified contact information':
    'Pour pouvoir récupérer votre compte, nous avons besoin de coordonnées vérifiées',
  Username: 'Nom d’utilisateur',
  'Enter your username': 'Saisissez votre nom d’utilisateur',
  'Enter your Username': 'Saisissez votre nom d’utilisateur',
  'Confirm Password': 'Confirmez le mot de passe',
  'Please confirm your Password': 'Saisissez à nouveau votre mot de passe',
  'New Password': 'Nouveau mot de passe',
  'New password': 'Nouveau mot de passe',
  Code: 'Code',
  'Code *': 'Code *',
  'Enter your code': 'Saisissez votre code',
  'Confirmation Code': 'Code de confirmation',
  'Enter your Confirmation Code': 'Saisissez votre code de confirmation',
  'Phone Number': 'Numéro de téléphone',
  'Country Code': 'Indicatif du pays',
  'We Emailed You': 'Nous vous avons envoyé un e-mail',
  'We Sent A Code': 'Nous vous avons envoyé un code',
  'We Texted You': 'Nous vous avons envoyé un SMS',
  'Your code is on the way. To log in, enter the code we emailed to':
    'Votre code est en route. Pour vous connecter, saisissez le code envoyé par e-mail à',
  'Your code is on the way. To log in, enter the code we sent you':
    'Votre code est en route. Pour vous connecter, saisissez le code que nous vous avons envoyé',
  'Your code is on the way. To log in, enter the code we texted to':
    'Votre code est en route. Pour vous connecter, saisissez le code envoyé par SMS au',
  'It may take a minute to arrive': 'Il peut mettre une minute à arriver',
  'Your passwords must match': 'Les deux mots de passe ne sont pas identiques',
  'Password must have at least 8 characters': 'Le mot de passe doit compter au moins 8 caractères',
  'Password must have lower case letters': 'Le mot de passe doit contenir une minuscule',
  'Password must have upper case letters': 'Le mot de passe doit contenir une majuscule',
  'Password must have numbers': 'Le mot de passe doit contenir un chiffre',
  'Password must have special characters': 'Le mot de passe doit contenir un caractère spécial',
  'Password is required': 'Saisissez un mot de passe',
  'Confirm Password is required': 'Saisissez à nouveau votre mot de passe',
  'Unable to send verification code. Please try again.': 'Le code de vérification n’a pas pu être envoyé. Réessayez.',
  'Your verification code has expired. Please request a new code.':
    'Votre code de vérification a expiré. Demandez un nouveau code.',
  'The verification code you entered is incorrect. Please try again.':
    'Ce code de vérification n’est pas correct. Réessayez.',
  'Incorrect username or password.': 'Adresse e-mail ou mot de passe incorrect.',
  'User does not exist.': 'Aucun compte n’existe avec cette adresse e-mail.',
  'Username/client id combination not found.': 'Aucun compte n’existe avec cette adresse e-mail.',
  'An account with the given email already exists.': 'Un compte existe déjà avec cette adresse e-mail.',
  'Invalid verification code provided, please try again.': 'Ce code n’est pas correct. Réessayez.',
  'Invalid code provided, please request a code again.': 'Ce code n’est plus valable. Demandez un nouveau code.',
  'Password did not conform with policy: Password not long enough':
    'Le mot de passe ne respecte pas les règles\u00a0: il doit compter au moins 8 caractères.',
  'Password did not conform with policy: Password must have uppercase characters':
    'Le mot de passe ne respecte pas les règles\u00a0: il doit contenir une majuscule.',
  'Password did not conform with policy: Password must have lowercase characters':
    'Le mot de passe ne respecte pas les règles\u00a0: il doit contenir une minuscule.',
  'Password did not conform with policy: Password must have numeric characters':
    'Le mot de passe ne respecte pas les règles\u00a0: il doit contenir un chiffre.',
  'Password did not conform with policy: Password must have symbol characters':
    'Le mot de passe ne respecte pas les règles\u00a0: il doit contenir un caractère spécial.',
  'User is not confirmed.': 'Votre compte n’est pas encore confirmé.',
  'User is disabled.': 'Ce compte est désactivé.',
  'Attempt limit exceeded, please try after some time.': 'Trop de tentatives. Réessayez dans quelques minutes.',
  'Password attempts exceeded': 'Trop de tentatives. Réessayez dans quelques minutes.',
  'User not authorized': 'Adresse e-mail ou mot de passe incorrect.',
  'User not found.': 'Aucun compte n’existe avec cette adresse e-mail.',
  'User does not exist': 'Aucun compte n’existe avec cette adresse e-mail.',
  'User already exists': 'Un compte existe déjà avec cette adresse e-mail.',
  'Incorrect confirmation code': 'Ce code n’est pas correct. Réessayez.',
  'Invalid password': 'Le mot de passe ne respecte pas les règles.',
};

export default frLater;
