import { computed, ref } from 'vue';
import { signOutOtherDevices } from '@/api/profile';
import { changePassword, classifyChangePasswordError, type ChangePasswordFailure } from '@/auth/password';
import { t } from '@/i18n';

/** The user pool's policy, checked before asking Cognito so the form can say what is wrong at once. */
export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= 8 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password);
}

/** What the form says for each failure, in the current language (a computed follows changes). */
function failureMessage(failure: ChangePasswordFailure): string {
  const message = t(`account.password.failure.${failure}`);
  // A weak password repeats the rules, so the user need not look for them.
  return failure === 'weakPassword' ? `${message} ${t('account.password.policy')}` : message;
}

export function useChangePassword() {
  const pending = ref(false);
  const failure = ref<ChangePasswordFailure | null>(null);
  /** The password changed but the other devices' sessions could not be ended. */
  const otherDevicesKept = ref(false);
  const succeeded = ref(false);
  const errorMessage = computed(() => (failure.value ? failureMessage(failure.value) : null));
  const successMessage = computed(() =>
    t(otherDevicesKept.value ? 'account.password.otherDevicesKept' : 'account.password.changed'),
  );

  /**
   * Resolves true when Cognito accepted the new password. Then every other device's session ends
   * (Cognito has no trigger on a password change, so the app asks the server).
   */
  async function submit(currentPassword: string, newPassword: string): Promise<boolean> {
    succeeded.value = false;
    failure.value = null;
    otherDevicesKept.value = false;
    if (!meetsPasswordPolicy(newPassword)) {
      failure.value = 'weakPassword';
      return false;
    }
    pending.value = true;
    try {
      await changePassword(currentPassword, newPassword);
    } catch (error) {
      failure.value = classifyChangePasswordError(error);
      pending.value = false;
      return false;
    }
    try {
      await signOutOtherDevices();
    } catch {
      otherDevicesKept.value = true;
    } finally {
      pending.value = false;
    }
    succeeded.value = true;
    return true;
  }

  return { pending, failure, errorMessage, succeeded, successMessage, submit };
}
