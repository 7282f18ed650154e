import { computed, ref } from 'vue';
import { changePassword, classifyChangePasswordError, type ChangePasswordFailure } from '@/auth/password';

export const PASSWORD_POLICY_TEXT = 'At least 8 characters, with upper- and lower-case letters and a digit.';

/** The user pool's policy, checked before asking Cognito so the form can say what is wrong at once. */
export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= 8 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password);
}

const FAILURE_MESSAGES: Record<ChangePasswordFailure, string> = {
  wrongCurrentPassword: 'Your current password is not right. Check it and try again.',
  weakPassword: `The new password does not meet the rules. ${PASSWORD_POLICY_TEXT}`,
  tooManyAttempts: 'Too many attempts. Wait a few minutes, then try again.',
  other: 'The password could not be changed. Check your connection and try again.',
};

export function useChangePassword() {
  const pending = ref(false);
  const failure = ref<ChangePasswordFailure | null>(null);
  const succeeded = ref(false);
  const errorMessage = computed(() => (failure.value ? FAILURE_MESSAGES[failure.value] : null));

  /** Resolves true when Cognito accepted the new password. */
  async function submit(currentPassword: string, newPassword: string): Promise<boolean> {
    succeeded.value = false;
    failure.value = null;
    if (!meetsPasswordPolicy(newPassword)) {
      failure.value = 'weakPassword';
      return false;
    }
    pending.value = true;
    try {
      await changePassword(currentPassword, newPassword);
      succeeded.value = true;
      return true;
    } catch (error) {
      failure.value = classifyChangePasswordError(error);
      return false;
    } finally {
      pending.value = false;
    }
  }

  return { pending, failure, errorMessage, succeeded, submit };
}
