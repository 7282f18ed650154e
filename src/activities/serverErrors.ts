import type { ApiError } from '@/api/errors';
import { serverErrorMessage } from '@/i18n/serverError';
import { FORM_FIELDS, type FormField, type FormMessage } from './validation';

/**
 * Where a refused save belongs on the host form: next to the input field the refusal names
 * (`errorInfo.field`, e.g. `input.title`), in the reader's language by its code; a refusal about no
 * field of the form goes above the button. A lost connection has no code: the form says so itself.
 */
export type ServerErrorPlacement = { field: FormField | null; message: FormMessage };

function formField(path: string | undefined): FormField | null {
  const name = path?.startsWith('input.') ? path.slice('input.'.length) : null;
  return name && (FORM_FIELDS as readonly string[]).includes(name) ? (name as FormField) : null;
}

export function placeServerError(error: ApiError, timeZone: string): ServerErrorPlacement {
  if (error.errorType === 'NetworkError') return { field: null, message: { key: 'activityForm.errors.network' } };
  return { field: formField(error.info.field), message: serverErrorMessage(error, timeZone) };
}
