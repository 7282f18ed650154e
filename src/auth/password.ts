import { updatePassword } from 'aws-amplify/auth';

export type ChangePasswordFailure = 'wrongCurrentPassword' | 'weakPassword' | 'tooManyAttempts' | 'other';

/** Cognito's error names mapped to what the form can explain. */
export function classifyChangePasswordError(error: unknown): ChangePasswordFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAuthorizedException') return 'wrongCurrentPassword';
  if (name === 'InvalidPasswordException' || name === 'InvalidParameterException') return 'weakPassword';
  if (name === 'LimitExceededException' || name === 'TooManyRequestsException') return 'tooManyAttempts';
  return 'other';
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await updatePassword({ oldPassword: currentPassword, newPassword });
}
