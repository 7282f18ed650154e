import { computed, reactive, ref } from 'vue';
import { createActivity, getActivity, updateActivity } from '@/api/activities';
import { toApiError, type ApiError } from '@/api/errors';
import type { Activity } from '@/api/activities';
import { placeServerError } from '@/activities/serverErrors';
import {
  FORM_FIELDS,
  changedFields,
  emptyFormValues,
  formValuesOf,
  toActivityInput,
  validateActivityForm,
  type FormErrors,
  type FormField,
  type FormMessage,
} from '@/activities/validation';
import { useUniversityStore } from '@/stores/university';

/** Why the host form is not offered for an activity that did load. */
export type EditRefusal = 'notHost' | 'cancelled' | 'started';

/**
 * The host form's data for one screen: the activity being edited (none on create), what the user
 * typed, the errors per field and for the whole form, and saving. Values are never reset on an
 * error: only a successful load fills them.
 */
export function useActivityForm(activityId: string | undefined) {
  const university = useUniversityStore();
  const timeZone = computed(() => university.timeZone);

  const activity = ref<Activity | null>(null);
  const loading = ref(false);
  const loadError = ref<ApiError | null>(null);
  const notFound = ref(false);
  const refusal = ref<EditRefusal | null>(null);

  const values = reactive(emptyFormValues());
  let loadedValues = emptyFormValues();
  const clientErrors = ref<FormErrors>({});
  const serverErrors = ref<FormErrors>({});
  const formError = ref<FormMessage | null>(null);
  const submitted = ref(false);
  const saving = ref(false);

  /** A field's own problem first; the server's stays until the field is changed. */
  const errors = computed<FormErrors>(() => ({ ...serverErrors.value, ...clientErrors.value }));

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    notFound.value = false;
    try {
      const [loaded] = await Promise.all([activityId ? getActivity(activityId) : null, university.ensureLoaded()]);
      if (loaded) prefill(loaded);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.errorType === 'NotFound') notFound.value = true;
      else loadError.value = apiError;
    } finally {
      loading.value = false;
    }
  }

  function prefill(loaded: Activity): void {
    activity.value = loaded;
    refusal.value =
      loaded.myParticipation?.status !== 'HOST'
        ? 'notHost'
        : loaded.status === 'CANCELLED'
          ? 'cancelled'
          : new Date(loaded.startsAt).getTime() <= Date.now()
            ? 'started'
            : null;
    loadedValues = formValuesOf(loaded, timeZone.value);
    Object.assign(values, loadedValues);
  }

  function validate(): FormErrors {
    return validateActivityForm(values, {
      now: new Date(),
      timeZone: timeZone.value,
      ...(activity.value
        ? { originalStartsAt: loadedValues.startsAt, minCapacity: activity.value.participantCount }
        : {}),
    });
  }

  /** After a first submit, a field is checked again as soon as the user changes or leaves it. */
  function revalidate(field: FormField, changed: boolean): void {
    if (changed) serverErrors.value = { ...serverErrors.value, [field]: undefined };
    if (!submitted.value) return;
    clientErrors.value = { ...clientErrors.value, [field]: validate()[field] };
  }

  /**
   * Resolves the saved activity's id; null when something is wrong, with the problem in the
   * field errors or formError.
   */
  async function submit(): Promise<string | null> {
    if (saving.value) return null;
    submitted.value = true;
    formError.value = null;
    serverErrors.value = {};
    clientErrors.value = validate();
    if (firstInvalidField()) return null;

    saving.value = true;
    try {
      const input = toActivityInput(values, timeZone.value);
      if (!activity.value) return (await createActivity(input)).id;
      const changes = changedFields(toActivityInput(loadedValues, timeZone.value), input);
      if (Object.keys(changes).length === 0) return activity.value.id;
      return (await updateActivity(activity.value.id, changes)).id;
    } catch (error) {
      const placed = placeServerError(toApiError(error), timeZone.value);
      if (placed.field) serverErrors.value = { [placed.field]: placed.message };
      else formError.value = placed.message;
      return null;
    } finally {
      saving.value = false;
    }
  }

  function firstInvalidField(): FormField | null {
    return FORM_FIELDS.find((field) => errors.value[field]) ?? null;
  }

  return {
    activity,
    loading,
    loadError,
    notFound,
    refusal,
    timeZone,
    values,
    errors,
    formError,
    saving,
    load,
    revalidate,
    submit,
    firstInvalidField,
  };
}
