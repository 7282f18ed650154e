/** Who is signed in, as read from the access token. Tokens themselves stay inside Amplify. */
export interface SessionUser {
  /** Cognito `sub`: the key of the user's profile on the server. */
  sub: string;
  username: string;
  /** Cognito groups, e.g. 'staff', 'admin'; empty for students. */
  groups: string[];
}

/** The Hub 'auth' events the app reacts to; the others are ignored. */
export type AuthEvent = 'signedIn' | 'signedOut' | 'tokenRefresh_failure';
