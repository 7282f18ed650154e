import {
  MeDocument,
  OnProfileUpdatedDocument,
  SignOutEverywhereDocument,
  SignOutOtherDevicesDocument,
  StaffOverviewDocument,
  UpdateProfileDocument,
} from './generated/documents/profile';
import type { OwnProfileFragment, PersonFragment, StaffOverviewQuery, UpdateProfileInput } from './generated/graphql';
import { listen, run } from './run';

export type Profile = OwnProfileFragment;
export type University = Profile['university'];
/** Another user as others see them: never their email. */
export type PublicProfile = PersonFragment;
export type StaffOverview = StaffOverviewQuery['staffOverview'];
/** What the profile form saves: the name, and the bio and sports (left as they are when absent). */
export type ProfileInput = UpdateProfileInput;

export async function getMe(): Promise<Profile> {
  return (await run(MeDocument, {})).me;
}

export async function updateProfile(input: ProfileInput): Promise<Profile> {
  return (await run(UpdateProfileDocument, { input })).updateProfile;
}

/** Makes the server refuse every access token issued so far; the caller then signs out globally. */
export async function signOutEverywhere(): Promise<boolean> {
  return (await run(SignOutEverywhereDocument, {})).signOutEverywhere;
}

/** Makes the server refuse every session of the user but this one (after a password change). */
export async function signOutOtherDevices(): Promise<boolean> {
  return (await run(SignOutOtherDevicesDocument, {})).signOutOtherDevices;
}

export async function getStaffOverview(): Promise<StaffOverview> {
  return (await run(StaffOverviewDocument, {})).staffOverview;
}

/**
 * Live updates of one profile (e.g. renamed on another device). Returns the unsubscribe
 * function, which its owner must call (on unmount or sign-out).
 */
export function subscribeToProfile(
  id: string,
  onData: (profile: Profile) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(OnProfileUpdatedDocument, { id }, (data) => data.onProfileUpdated, onData, onError);
}
