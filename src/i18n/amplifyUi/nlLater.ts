import type { AuthenticatorLaterDictionary } from './texts';

/** The Authenticator's other screens, checks and errors in Belgian Dutch; fetched after the form shows. */
const nlLater: AuthenticatorLaterDictionary = {
  'Creating Account': 'Account wordt aangemaakt',
  'Create a new account': 'Nieuw account aanmaken',
  'Forgot password?': 'Wachtwoord vergeten?',
  'Forgot Password?': 'Wachtwoord vergeten?',
  'Reset your password': 'Stel je wachtwoord opnieuw in',
  'Reset your Password': 'Stel je wachtwoord opnieuw in',
  'Reset Password': 'Wachtwoord opnieuw instellen',
  'Send code': 'Code versturen',
  'Send Code': 'Code versturen',
  Sending: 'Bezig met versturen',
  'Back to Sign In': 'Terug naar inloggen',
  Submit: 'Bevestigen',
  Submitting: 'Bezig met bevestigen',
  Confirm: 'Bevestigen',
  Confirming: 'Bezig met bevestigen',
  'Confirm Sign Up': 'Registratie bevestigen',
  'Resend Code': 'Code opnieuw versturen',
  'Change Password': 'Wachtwoord wijzigen',
  Changing: 'Bezig met wijzigen',
  Skip: 'Overslaan',
  Verify: 'Verifiëren',
  'Verify Contact': 'Contactgegevens verifiëren',
  'Account recovery requires verified contact information':
    'Om je account te kunnen herstellen, hebben we geverifieerde contactgegevens nodig',
  Username: 'Gebruikersnaam',
  'Enter your username': 'Vul je gebruikersnaam in',
  'Enter your Username': 'Vul je gebruikersnaam in',
  'Confirm Password': 'Bevestig je wachtwoord',
  'Please confirm your Password': 'Vul je wachtwoord nog eens in',
  'New Password': 'Nieuw wachtwoord',
  'New password': 'Nieuw wachtwoord',
  Code: 'Code',
  'Code *': 'Code *',
  'Enter your code': 'Vul je code in',
  'Confirmation Code': 'Bevestigingscode',
  'Enter your Confirmation Code': 'Vul je bevestigingscode in',
  'Phone Number': 'Telefoonnummer',
  'Country Code': 'Landcode',
  'We Emailed You': 'We hebben je een e-mail gestuurd',
  'We Sent A Code': 'We hebben je een code gestuurd',
  'We Texted You': 'We hebben je een sms gestuurd',
  'Your code is on the way. To log in, enter the code we emailed to':
    'Je code is onderweg. Vul om in te loggen de code in die we mailden naar',
  'Your code is on the way. To log in, enter the code we sent you':
    'Je code is onderweg. Vul om in te loggen de code in die we je stuurden',
  'Your code is on the way. To log in, enter the code we texted to':
    'Je code is onderweg. Vul om in te loggen de code in die we per sms stuurden naar',
  'It may take a minute to arrive': 'Het kan een minuutje duren voor hij aankomt',
  'Your passwords must match': 'De twee wachtwoorden zijn niet gelijk',
  'Password must have at least 8 characters': 'Het wachtwoord moet minstens 8 tekens lang zijn',
  'Password must have lower case letters': 'Het wachtwoord moet een kleine letter bevatten',
  'Password must have upper case letters': 'Het wachtwoord moet een hoofdletter bevatten',
  'Password must have numbers': 'Het wachtwoord moet een cijfer bevatten',
  'Password must have special characters': 'Het wachtwoord moet een speciaal teken bevatten',
  'Password is required': 'Vul een wachtwoord in',
  'Confirm Password is required': 'Vul je wachtwoord nog eens in',
  'Unable to send verification code. Please try again.':
    'We konden de verificatiecode niet versturen. Probeer het opnieuw.',
  'Your verification code has expired. Please request a new code.':
    'Je verificatiecode is verlopen. Vraag een nieuwe code aan.',
  'The verification code you entered is incorrect. Please try again.':
    'Die verificatiecode klopt niet. Probeer het opnieuw.',
  'Incorrect username or password.': 'Je e-mailadres of wachtwoord klopt niet.',
  'User does not exist.': 'Er bestaat geen account met dit e-mailadres.',
  'Username/client id combination not found.': 'Er bestaat geen account met dit e-mailadres.',
  'An account with the given email already exists.': 'Er bestaat al een account met dit e-mailadres.',
  'Invalid verification code provided, please try again.': 'Die code klopt niet. Probeer het opnieuw.',
  'Invalid code provided, please request a code again.': 'Die code is niet meer geldig. Vraag een nieuwe code aan.',
  'Password did not conform with policy: Password not long enough':
    'Het wachtwoord voldoet niet aan de regels: het moet minstens 8 tekens lang zijn.',
  'Password did not conform with policy: Password must have uppercase characters':
    'Het wachtwoord voldoet niet aan de regels: het moet een hoofdletter bevatten.',
  'Password did not conform with policy: Password must have lowercase characters':
    'Het wachtwoord voldoet niet aan de regels: het moet een kleine letter bevatten.',
  'Password did not conform with policy: Password must have numeric characters':
    'Het wachtwoord voldoet niet aan de regels: het moet een cijfer bevatten.',
  'Password did not conform with policy: Password must have symbol characters':
    'Het wachtwoord voldoet niet aan de regels: het moet een speciaal teken bevatten.',
  'User is not confirmed.': 'Je account is nog niet bevestigd.',
  'User is disabled.': 'Dit account is uitgeschakeld.',
  'Attempt limit exceeded, please try after some time.': 'Te veel pogingen. Probeer het over een paar minuten opnieuw.',
  'Password attempts exceeded': 'Te veel pogingen. Probeer het over een paar minuten opnieuw.',
  'User not authorized': 'Je e-mailadres of wachtwoord klopt niet.',
  'User not found.': 'Er bestaat geen account met dit e-mailadres.',
  'User does not exist': 'Er bestaat geen account met dit e-mailadres.',
  'User already exists': 'Er bestaat al een account met dit e-mailadres.',
  'Incorrect confirmation code': 'Die code klopt niet. Probeer het opnieuw.',
  'Invalid password': 'Het wachtwoord voldoet niet aan de regels.',
};

export default nlLater;
