import { serverErrorMessage, type ShownMessage } from '@/i18n/serverError';
import type { OutboxEntry } from './outbox';

/** Why an outbox message was not sent, in the reader's words (by its refusal's code, as everywhere). */
export function failureMessage(failure: NonNullable<OutboxEntry['failure']>, timeZone: string): ShownMessage {
  return serverErrorMessage(failure, timeZone);
}
