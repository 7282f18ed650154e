/**
 * Turns { './activityFind.json': { title: … } } into { 'activityFind.title': … }: petite-vue-i18n
 * looks keys up flat, so nested areas are flattened once here. Compiled messages are functions
 * (leaves); plain objects are walked.
 */
export function mergeAreas(files: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(`${prefix}.${key}`, child);
    } else {
      messages[prefix] = value;
    }
  };
  for (const [path, area] of Object.entries(files)) {
    const name = /([^/]+)\.json$/.exec(path)?.[1];
    if (name) walk(name, area);
  }
  return messages;
}
