import { listen, run } from './run';
import type { Profile, StaffOverview } from './types';

const PROFILE_FIELDS = /* GraphQL */ `
  id displayName email roles createdAt updatedAt
  university { id name timeZone emailDomains }
`;

const ME = /* GraphQL */ `query Me { me { ${PROFILE_FIELDS} } }`;
const UPDATE_PROFILE = /* GraphQL */ `
  mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PROFILE_FIELDS} } }
`;
const SIGN_OUT_EVERYWHERE = /* GraphQL */ `
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`;
const STAFF_OVERVIEW = /* GraphQL */ `
  query StaffOverview {
    staffOverview {
      studentCount
      staffCount
      university {
        id
        name
        timeZone
        emailDomains
      }
    }
  }
`;
const ON_PROFILE_UPDATED = /* GraphQL */ `
  subscription OnProfileUpdated($id: ID!) { onProfileUpdated(id: $id) { ${PROFILE_FIELDS} } }
`;

export async function getMe(): Promise<Profile> {
  return (await run<{ me: Profile }>(ME)).me;
}

export async function updateProfile(displayName: string): Promise<Profile> {
  const input = { displayName };
  return (await run<{ updateProfile: Profile }>(UPDATE_PROFILE, { input })).updateProfile;
}

/** Makes the server refuse every access token issued so far; the caller then signs out globally. */
export async function signOutEverywhere(): Promise<boolean> {
  return (await run<{ signOutEverywhere: boolean }>(SIGN_OUT_EVERYWHERE)).signOutEverywhere;
}

export async function getStaffOverview(): Promise<StaffOverview> {
  return (await run<{ staffOverview: StaffOverview }>(STAFF_OVERVIEW)).staffOverview;
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
  return listen<{ onProfileUpdated: Profile | null }, Profile>(
    ON_PROFILE_UPDATED,
    { id },
    (data) => data.onProfileUpdated,
    onData,
    onError,
  );
}
