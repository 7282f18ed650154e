import { ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import type { SportsClass } from '@/api/classes';
import { createClass, listStaffClasses, updateClass, type CreateClassInput } from '@/api/staff';
import { useAsync } from './useAsync';

/** The sports centre's classes: the list, and saving one (new or changed). */
export function useStaffClasses() {
  const list = useAsync(listStaffClasses);
  const saving = ref(false);
  const saveError = ref<ApiError | null>(null);

  /** Resolves to the saved class, or null when refused (the reason is then in saveError). */
  async function save(id: string | null, input: CreateClassInput): Promise<SportsClass | null> {
    saving.value = true;
    saveError.value = null;
    try {
      return id ? await updateClass(id, input) : await createClass(input);
    } catch (reason) {
      saveError.value = toApiError(reason);
      return null;
    } finally {
      saving.value = false;
    }
  }

  return {
    classes: list.data,
    loading: list.loading,
    error: list.error,
    load: () => list.run(),
    saving,
    saveError,
    save,
  };
}
