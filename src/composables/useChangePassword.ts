import { computed, ref } from 'vue';
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
  const succeeded = ref(false);
  const errorMessage = computed(() => (failure.value ? failureMessage(failure.value) : null));

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
