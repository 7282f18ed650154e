import { parseConfig, type ConfigNames, type ConfigResult, type RawEnv } from './config';

/** Where a deployed stack writes the app's configuration, beside index.html (infra/site.ts). */
export const CONFIG_URL = '/config.json';

/** The keys of /config.json; a problem in it is named by the file and the key. */
const CONFIG_JSON_NAMES: ConfigNames = {
  region: `${CONFIG_URL}: region`,
  userPoolId: `${CONFIG_URL}: userPoolId`,
  userPoolClientId: `${CONFIG_URL}: userPoolClientId`,
  graphqlUrl: `${CONFIG_URL}: graphqlUrl`,
  cognitoEndpoint: `${CONFIG_URL}: cognitoEndpoint`,
  localCloud: `${CONFIG_URL}: localCloud`,
};

export function parseDeployedConfig(json: unknown): ConfigResult {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [`${CONFIG_URL} should hold a JSON object.`] };
  }
  const entries = Object.entries(json as Record<string, unknown>).map(([key, value]) => [
    `${CONFIG_URL}: ${key}`,
    typeof value === 'boolean' ? String(value) : value,
  ]);
  return parseConfig(Object.fromEntries(entries) as RawEnv, CONFIG_JSON_NAMES);
}

/**
 * The configuration at start. A build that carries VITE_* values (local development, the local
 * cloud, a build made for a chosen backend) uses them. A build without them, as `npm run deploy`
 * makes, reads /config.json, which the stack writes beside the app when it deploys it: one build
 * serves any stack, and a single deploy serves a configured app.
 */
export async function loadConfig(env: RawEnv, fetchJson: typeof fetch = fetch): Promise<ConfigResult> {
  const builtIn = Object.entries(env).some(
    ([key, value]) => key.startsWith('VITE_') && value !== undefined && value !== '',
  );
  if (builtIn) return parseConfig(env);
  let response: Response;
  try {
    response = await fetchJson(CONFIG_URL, { cache: 'no-store' });
  } catch (error) {
    return {
      ok: false,
      problems: [`${CONFIG_URL} could not be read: ${error instanceof Error ? error.message : String(error)}.`],
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      problems: [
        `${CONFIG_URL} could not be read (HTTP ${response.status}) and the build has no VITE_* values: ` +
          'a deployed app gets the file from its stack (npm run deploy); for local development set the VITE_* values.',
      ],
    };
  }
  try {
    return parseDeployedConfig(await response.json());
  } catch {
    return { ok: false, problems: [`${CONFIG_URL} is not valid JSON.`] };
  }
}
