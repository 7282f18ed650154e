import { signOut } from 'aws-amplify/auth';

/**
 * Amplify's sign-out, in a module of its own so that it loads when someone signs out: with its
 * OAuth redirect handling it is about a kilobyte that no page needs in order to show.
 */
export const amplifySignOut = signOut;
