import { onScopeDispose, ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { getMe, subscribeToProfile, updateProfile } from '@/api/profile';
import type { Profile, ProfileInput } from '@/api/profile';

/**
 * The signed-in user's profile for one screen: loading, load error, saving and save error.
 * With `live`, it follows changes made elsewhere (another tab or device) until the screen closes.
 */
export function useProfile(options: { live?: boolean } = {}) {
  const profile = ref<Profile | null>(null);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const saving = ref(false);
  const saveError = ref<ApiError | null>(null);
  let unsubscribe: (() => void) | undefined;

  function followChanges(id: string): void {
    if (!options.live || unsubscribe) return;
    unsubscribe = subscribeToProfile(id, (updated) => {
      profile.value = updated;
    });
  }

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      profile.value = await getMe();
      followChanges(profile.value.id);
    } catch (error) {
      loadError.value = toApiError(error);
    } finally {
      loading.value = false;
    }
  }

  /** Resolves true when saved; on failure the error is in saveError and the caller keeps the input. */
  async function save(input: ProfileInput): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      profile.value = await updateProfile(input);
      return true;
    } catch (error) {
      saveError.value = toApiError(error);
      return false;
    } finally {
      saving.value = false;
    }
  }

  onScopeDispose(() => unsubscribe?.());

  return { profile, loading, loadError, saving, saveError, load, save };
}
