import { computed, type Ref } from 'vue';
import type { ApiError } from '@/api/errors';
import { useI18n } from '@/i18n';
import { serverErrorMessage, shownMessageText } from '@/i18n/serverError';
import { useUniversityStore } from '@/stores/university';

/**
 * A form's server refusal in the reader's words: `forField(path)` for the refusal about that input
 * (`input.name`), `general` for one about no field of the form. The route loads `serverErrors`.
 */
export function useRefusal(error: Ref<ApiError | null>, fields: readonly string[] = []) {
  const { t } = useI18n();
  const university = useUniversityStore();
  const text = computed(() =>
    error.value ? shownMessageText(serverErrorMessage(error.value, university.timeZone), t) : null,
  );
  const forField = (path: string) => (error.value?.info.field === path ? text.value : null);
  const general = computed(() => (error.value && !fields.includes(error.value.info.field ?? '') ? text.value : null));
  return { forField, general };
}
