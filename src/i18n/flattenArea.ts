/**
 * Turns an area's nested messages ({ title: …, sport: { VOLLEYBALL: … } } of activity.json) into
 * flat keys ('activity.title', 'activity.sport.VOLLEYBALL'): petite-vue-i18n looks keys up flat.
 * At build time each message is compiled to an AST object ({ t: 0, b: … }; `type`/`body` in
 * development builds): those are leaves, like strings. Other objects are groups and are walked.
 */
function isCompiledMessage(value: object): boolean {
  const node = value as { t?: unknown; type?: unknown };
  return typeof node.t === 'number' || typeof node.type === 'number';
}

export function flattenArea(area: string, messages: unknown): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isCompiledMessage(value)) {
      for (const [key, child] of Object.entries(value)) walk(`${prefix}.${key}`, child);
    } else {
      flat[prefix] = value;
    }
  };
  walk(area, messages);
  return flat;
}
