import { parseConfig, type ConfigResult, type RawEnv } from './config';

/** Where a deployed stack writes the app's configuration, beside index.html (infra/site.ts). */
export const CONFIG_URL = '/config.json';

/** Each key of /config.json and the build-time variable parseConfig knows it by. */
const VARIABLES = {
  region: 'VITE_AWS_REGION',
  userPoolId: 'VITE_USER_POOL_ID',
  userPoolClientId: 'VITE_USER_POOL_CLIENT_ID',
  graphqlUrl: 'VITE_GRAPHQL_URL',
} as const;

/** The stack's /config.json, checked by the same rules as the VITE_* values; a problem names the file's key. */
export function parseDeployedConfig(json: unknown): ConfigResult {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [`${CONFIG_URL} should hold a JSON object.`] };
  }
  const values = json as Record<string, unknown>;
  const env = Object.fromEntries(Object.entries(VARIABLES).map(([key, variable]) => [variable, values[key]]));
  const result = parseConfig(env);
  if (result.ok) return result;
  const keyOf = (variable: string) =>
    Object.keys(VARIABLES).find((key) => VARIABLES[key as keyof typeof VARIABLES] === variable);
  return {
    ok: false,
    // A deployed app is never the local cloud: plain http is simply refused.
    problems: result.problems.map((problem) =>
      problem
        .replace(' unless VITE_LOCAL_CLOUD=true', '')
        .replace(/VITE_[A-Z_]+/g, (v) => `${CONFIG_URL}: ${keyOf(v) ?? v}`),
    ),
  };
}

/**
 * The configuration at start, chosen when the app is built. `vite build --mode aws` (what
 * `npm run deploy` runs) makes the build a stack serves: it reads /config.json, which the stack
 * writes beside it, so one build serves any stack and one deploy serves a configured app. Every
 * other build (development, the local cloud, a preview) uses its VITE_* values. Decided at build
 * time, each build carries only its own path.
 */
export function loadConfig(env: RawEnv, fetchJson: typeof fetch = fetch): Promise<ConfigResult> {
  return import.meta.env.MODE === 'aws' ? fetchDeployedConfig(fetchJson) : Promise.resolve(parseConfig(env));
}

/** Where the last /config.json read is kept, for a start without network (the service worker serves the rest). */
export const LAST_CONFIG_KEY = 'huddle.config.json';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export async function fetchDeployedConfig(
  fetchJson: typeof fetch = fetch,
  storage: Storage | undefined = globalThis.localStorage,
): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchJson(CONFIG_URL, { cache: 'no-store' });
  } catch (error) {
    // Offline: the installed app opens from its cache, with the configuration it read last time.
    const last = storage?.getItem(LAST_CONFIG_KEY);
    if (last) return parseDeployedConfig(JSON.parse(last));
    return {
      ok: false,
      problems: [`${CONFIG_URL} could not be read: ${error instanceof Error ? error.message : String(error)}.`],
    };
  }
  // What to do about it is on the page that lists the problems (ConfigErrorView).
  if (!response.ok) return { ok: false, problems: [`${CONFIG_URL} could not be read (HTTP ${response.status}).`] };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, problems: [`${CONFIG_URL} is not valid JSON.`] };
  }
  const result = parseDeployedConfig(json);
  if (result.ok) storage?.setItem(LAST_CONFIG_KEY, JSON.stringify(json));
  return result;
}
