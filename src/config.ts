/**
 * The app's configuration: from the build-time environment (import.meta.env, VITE_*) in local
 * development, or from the /config.json a deployed stack writes beside the app (loadConfig.ts).
 * parseConfig is pure so every rule below is unit-tested; main.ts shows the problems on screen
 * instead of starting a half-configured app.
 */
export interface AppConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  /** Only set against the local cloud: where the Cognito stand-in listens. */
  cognitoEndpoint?: string;
  localCloud: boolean;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

export type RawEnv = Partial<Record<string, unknown>>;

/** What each setting is called where it is read from, so a problem names what to fix. */
export interface ConfigNames {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
  cognitoEndpoint: string;
  localCloud: string;
}

export const VITE_NAMES: ConfigNames = {
  region: 'VITE_AWS_REGION',
  userPoolId: 'VITE_USER_POOL_ID',
  userPoolClientId: 'VITE_USER_POOL_CLIENT_ID',
  graphqlUrl: 'VITE_GRAPHQL_URL',
  cognitoEndpoint: 'VITE_COGNITO_ENDPOINT',
  localCloud: 'VITE_LOCAL_CLOUD',
};

// Cognito pool ids are "<region>_<id>"; Amplify reads the region from the prefix, so
// the local stand-in's "local_abc123" passes too.
const USER_POOL_ID = /^[a-z0-9-]+_[A-Za-z0-9]+$/;
const REGION = /^[a-z0-9-]+$/;
const CLIENT_ID = /^[A-Za-z0-9]+$/;

function text(env: RawEnv, name: string): string | undefined {
  const value = env[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function parseConfig(env: RawEnv, names: ConfigNames = VITE_NAMES): ConfigResult {
  const problems: string[] = [];
  const required = (name: string, pattern: RegExp, shape: string): string => {
    const value = text(env, name);
    if (value === undefined) problems.push(`${name} is missing.`);
    else if (!pattern.test(value)) problems.push(`${name} should be ${shape}, got "${value}".`);
    return value ?? '';
  };

  const localFlag = text(env, names.localCloud);
  if (localFlag !== undefined && localFlag !== 'true' && localFlag !== 'false') {
    problems.push(`${names.localCloud} should be "true" or left unset, got "${localFlag}".`);
  }
  const localCloud = localFlag === 'true';

  const region = required(names.region, REGION, 'an AWS region such as eu-west-1 (or "local")');
  const userPoolId = required(names.userPoolId, USER_POOL_ID, 'a user pool id such as eu-west-1_AbC123');
  const userPoolClientId = required(names.userPoolClientId, CLIENT_ID, 'letters and digits only');

  const graphqlUrl = text(env, names.graphqlUrl);
  const graphql = graphqlUrl === undefined ? undefined : parseUrl(graphqlUrl);
  if (graphqlUrl === undefined) problems.push(`${names.graphqlUrl} is missing.`);
  else if (!graphql || !['https:', 'http:'].includes(graphql.protocol)) {
    problems.push(`${names.graphqlUrl} should be a full http(s) URL, got "${graphqlUrl}".`);
  } else if (graphql.protocol === 'http:' && !localCloud) {
    // Tokens travel in the Authorization header: plain http is only acceptable on this laptop.
    problems.push(`${names.graphqlUrl} must use https:// unless ${names.localCloud}=true.`);
  }

  const cognitoEndpoint = text(env, names.cognitoEndpoint);
  if (cognitoEndpoint !== undefined) {
    const url = parseUrl(cognitoEndpoint);
    if (!url || !['https:', 'http:'].includes(url.protocol)) {
      problems.push(`${names.cognitoEndpoint} should be a full http(s) URL, got "${cognitoEndpoint}".`);
    } else if (!localCloud) {
      // Real Cognito needs no endpoint; a leftover local one would break every sign-in.
      problems.push(`${names.cognitoEndpoint} is only for the local cloud: set ${names.localCloud}=true or remove it.`);
    }
  } else if (localCloud) {
    problems.push(`${names.cognitoEndpoint} is missing: the local cloud needs it (e.g. http://127.0.0.1:9229).`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      region,
      userPoolId,
      userPoolClientId,
      graphqlUrl: graphqlUrl ?? '',
      ...(cognitoEndpoint !== undefined ? { cognitoEndpoint } : {}),
      localCloud,
    },
  };
}
