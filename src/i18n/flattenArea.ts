/**
 * Turns an area's nested messages ({ title: …, sport: { VOLLEYBALL: … } } of activity.json) into
 * flat keys ('activity.title', 'activity.sport.VOLLEYBALL'): petite-vue-i18n looks keys up flat.
 * Compiled messages are functions (leaves); plain objects are walked.
 */
export function flattenArea(area: string, messages: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(`${prefix}.${key}`, child);
    } else {
      flat[prefix] = value;
    }
  };
  walk(area, messages);
  return flat;
}
