/**
 * The app's configuration: the build-time environment (import.meta.env, VITE_*) in development,
 * or the /config.json a deployed stack writes beside the app (loadConfig.ts). parseConfig is pure
 * so every rule below is unit-tested; main.ts shows the problems on screen instead of starting a
 * half-configured app.
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

export function parseConfig(env: RawEnv): ConfigResult {
  const problems: string[] = [];
  const required = (name: string, pattern: RegExp, shape: string): string => {
    const value = text(env, name);
    if (value === undefined) problems.push(`${name} is missing.`);
    else if (!pattern.test(value)) problems.push(`${name} should be ${shape}, got "${value}".`);
    return value ?? '';
  };

  const localFlag = text(env, 'VITE_LOCAL_CLOUD');
  if (localFlag !== undefined && localFlag !== 'true' && localFlag !== 'false') {
    problems.push(`VITE_LOCAL_CLOUD should be "true" or left unset, got "${localFlag}".`);
  }
  const localCloud = localFlag === 'true';

  const region = required('VITE_AWS_REGION', REGION, 'an AWS region such as eu-west-1 (or "local")');
  const userPoolId = required('VITE_USER_POOL_ID', USER_POOL_ID, 'a user pool id such as eu-west-1_AbC123');
  const userPoolClientId = required('VITE_USER_POOL_CLIENT_ID', CLIENT_ID, 'letters and digits only');

  const graphqlUrl = text(env, 'VITE_GRAPHQL_URL');
  const graphql = graphqlUrl === undefined ? undefined : parseUrl(graphqlUrl);
  if (graphqlUrl === undefined) problems.push('VITE_GRAPHQL_URL is missing.');
  else if (!graphql || !['https:', 'http:'].includes(graphql.protocol)) {
    problems.push(`VITE_GRAPHQL_URL should be a full http(s) URL, got "${graphqlUrl}".`);
  } else if (graphql.protocol === 'http:' && !localCloud) {
    // Tokens travel in the Authorization header: plain http is only acceptable on this laptop.
    problems.push('VITE_GRAPHQL_URL must use https:// unless VITE_LOCAL_CLOUD=true.');
  }

  const cognitoEndpoint = text(env, 'VITE_COGNITO_ENDPOINT');
  if (cognitoEndpoint !== undefined) {
    const url = parseUrl(cognitoEndpoint);
    if (!url || !['https:', 'http:'].includes(url.protocol)) {
      problems.push(`VITE_COGNITO_ENDPOINT should be a full http(s) URL, got "${cognitoEndpoint}".`);
    } else if (!localCloud) {
      // Real Cognito needs no endpoint; a leftover local one would break every sign-in.
      problems.push('VITE_COGNITO_ENDPOINT is only for the local cloud: set VITE_LOCAL_CLOUD=true or remove it.');
    }
  } else if (localCloud) {
    problems.push('VITE_COGNITO_ENDPOINT is missing: the local cloud needs it (e.g. http://127.0.0.1:9229).');
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
