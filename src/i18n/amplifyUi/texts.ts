/**
 * The English texts the Amplify UI Authenticator passes to `I18n.get` in the flows Huddle uses
 * (sign in, create account, confirm sign-up, forgot and reset password), plus the Cognito errors
 * it shows as they come. Keys are Amplify's own English strings, read from
 * @aws-amplify/ui (dist/esm/i18n/dictionaries/authenticator/en.mjs and defaultTexts.mjs,
 * machines/authenticator/defaultServices.mjs for the password rules). English needs no
 * dictionary: a missing key is shown as itself.
 *
 * Our own dictionaries instead of `translations` from '@aws-amplify/ui-vue': that export holds all
 * 20 languages (~20 KB gz) in the sign-in chunk; ours are loaded one language at a time.
 * A type, so nl.ts and fr.ts fail to compile when one of them misses or invents a key.
 */
/** What the sign-in screen shows first: fetched before the form appears. */
export type AuthenticatorText =
  | 'Sign In'
  | 'Sign in'
  | 'Signing in'
  | 'Sign in to your account'
  | 'Create Account'
  | 'Forgot your password?'
  | 'Loading'
  | 'or'
  | 'Dismiss alert'
  | 'Show password'
  | 'Hide password'
  | 'Email'
  | 'Enter your Email'
  | 'Enter your email'
  | 'Password'
  | 'Enter your Password';

/** Everything shown after a click (create account, confirm, reset) and the checks and errors: fetched right after. */
export type AuthenticatorLaterText =
  // Tabs, buttons and headings
  | 'Creating Account'
  | 'Create a new account'
  | 'Forgot password?'
  | 'Forgot Password?'
  | 'Reset your password'
  | 'Reset your Password'
  | 'Reset Password'
  | 'Send code'
  | 'Send Code'
  | 'Sending'
  | 'Back to Sign In'
  | 'Submit'
  | 'Submitting'
  | 'Confirm'
  | 'Confirming'
  | 'Confirm Sign Up'
  | 'Resend Code'
  | 'Change Password'
  | 'Changing'
  | 'Skip'
  | 'Verify'
  | 'Verify Contact'
  | 'Account recovery requires verified contact information'
  // Field labels and placeholders
  | 'Username'
  | 'Enter your username'
  | 'Enter your Username'
  | 'Confirm Password'
  | 'Please confirm your Password'
  | 'New Password'
  | 'New password'
  | 'Code'
  | 'Code *'
  | 'Enter your code'
  | 'Confirmation Code'
  | 'Enter your Confirmation Code'
  | 'Phone Number'
  | 'Country Code'
  // Confirm sign-up: "<sentence> a***@student.kuleuven.be. It may take a minute to arrive."
  | 'We Emailed You'
  | 'We Sent A Code'
  | 'We Texted You'
  | 'Your code is on the way. To log in, enter the code we emailed to'
  | 'Your code is on the way. To log in, enter the code we sent you'
  | 'Your code is on the way. To log in, enter the code we texted to'
  | 'It may take a minute to arrive'
  // The form's own checks (passwordFormat in src/amplify.ts: 8 characters, upper, lower, digit)
  | 'Your passwords must match'
  | 'Password must have at least 8 characters'
  | 'Password must have lower case letters'
  | 'Password must have upper case letters'
  | 'Password must have numbers'
  | 'Password must have special characters'
  | 'Password is required'
  | 'Confirm Password is required'
  // Amplify UI's rewrites of some Cognito errors
  | 'Unable to send verification code. Please try again.'
  | 'Your verification code has expired. Please request a new code.'
  | 'The verification code you entered is incorrect. Please try again.'
  // Cognito errors as shown (production Cognito, then the local stand-in's wording)
  | 'Incorrect username or password.'
  | 'User does not exist.'
  | 'Username/client id combination not found.'
  | 'An account with the given email already exists.'
  | 'Invalid verification code provided, please try again.'
  | 'Invalid code provided, please request a code again.'
  | 'Password did not conform with policy: Password not long enough'
  | 'Password did not conform with policy: Password must have uppercase characters'
  | 'Password did not conform with policy: Password must have lowercase characters'
  | 'Password did not conform with policy: Password must have numeric characters'
  | 'Password did not conform with policy: Password must have symbol characters'
  | 'User is not confirmed.'
  | 'User is disabled.'
  | 'Attempt limit exceeded, please try after some time.'
  | 'Password attempts exceeded'
  | 'User not authorized'
  | 'User not found.'
  | 'User does not exist'
  | 'User already exists'
  | 'Incorrect confirmation code'
  | 'Invalid password';

export type AuthenticatorDictionary = Record<AuthenticatorText, string>;
export type AuthenticatorLaterDictionary = Record<AuthenticatorLaterText, string>;
