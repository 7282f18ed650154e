// A character no message contains, to find where the slot's value landed.
const MARK = '\u0000';

/**
 * The text before and after one named slot of a translated sentence, so a template can put
 * markup there ("You are playing for <strong>KU Leuven</strong>.") in each language's word
 * order: petite-vue-i18n has no <i18n-t> component.
 */
export function messageAroundSlot(
  translate: (named: Record<string, unknown>) => string,
  slot: string,
): { before: string; after: string } {
  const [before = '', after = ''] = translate({ [slot]: MARK }).split(MARK);
  return { before, after };
}
