/** Every route name in one union, so a typo in a link or redirect fails type-checking. */
export type RouteName =
  | 'home'
  | 'activities'
  | 'activity'
  | 'activity-new'
  | 'activity-edit'
  | 'my-activities'
  | 'notifications'
  | 'messages'
  | 'conversation'
  | 'person'
  | 'account'
  | 'me'
  | 'staff'
  | 'classes'
  | 'class-session'
  | 'my-bookings'
  | 'staff-class-new'
  | 'staff-class'
  | 'staff-class-edit'
  | 'staff-session'
  | 'staff-blocks'
  | 'admin-staff'
  | 'admin-rules'
  | 'staff-area'
  | 'admin-area'
  | 'sign-in'
  | 'forbidden'
  | 'not-found';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. Routes are private unless they say so. */
    public?: boolean;
    /** Only for signed-out visitors (sign-in); a signed-in user is sent on. */
    guestOnly?: boolean;
    /** The user needs at least one of these Cognito groups. */
    groups?: readonly string[];
    /** Holds the staff or admin screens' paths until their routes are loaded (staffRoutes.ts). */
    staffArea?: boolean;
    /** Message areas the page shows (src/i18n/locales/<lang>/<area>.json), fetched before it resolves. */
    i18n?: readonly string[];
    /**
     * A page below another: the phone's top bar shows a back button, which goes back in history
     * or, opened from a link, to this route.
     */
    back?: RouteName;
    /** The root page of one of the phone's tabs: kept alive, with its scroll position, across tab switches. */
    tab?: boolean;
  }
}
