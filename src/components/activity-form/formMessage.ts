import type { FormMessage } from '@/activities/validation';

type Translate = (key: string, named: Record<string, unknown>) => string;

/** A form message in the user's language: the form's own words, or the server's as it sent them. */
export function formMessageText(message: FormMessage, t: Translate): string {
  return 'text' in message ? message.text : t(`activityForm.${message.key}`, message.params ?? {});
}
