import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAST_CONFIG_KEY, fetchDeployedConfig, loadConfig, parseDeployedConfig } from '@/loadConfig';

const deployed = {
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_AbC123',
  userPoolClientId: '1h2j3k4l5m6n7o8p9q0r',
  graphqlUrl: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql',
};
const config = { ...deployed, localCloud: false };

/** A fetch that answers /config.json with this body and status, and records what it was asked. */
function serving(body: unknown, status = 200) {
  const asked: { url: string; init?: RequestInit }[] = [];
  const fetchJson = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetchJson, asked };
}

describe('loadConfig', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads /config.json, never from a cache, in the build made for a stack (--mode aws)', async () => {
    vi.stubEnv('MODE', 'aws');
    const { fetchJson, asked } = serving(deployed);
    expect(await loadConfig({ VITE_GRAPHQL_URL: 'https://ignored.example.com/graphql' }, fetchJson)).toEqual({
      ok: true,
      config,
    });
    expect(asked).toEqual([{ url: '/config.json', init: { cache: 'no-store' } }]);
  });

  it('uses the VITE_* values in every other build, without asking for /config.json', async () => {
    const { fetchJson, asked } = serving(deployed);
    const env = {
      VITE_AWS_REGION: 'eu-west-1',
      VITE_USER_POOL_ID: 'eu-west-1_Xyz9',
      VITE_USER_POOL_CLIENT_ID: 'abc',
      VITE_GRAPHQL_URL: 'https://x.appsync-api.eu-west-1.amazonaws.com/graphql',
    };
    expect(await loadConfig(env, fetchJson)).toMatchObject({ ok: true, config: { userPoolId: 'eu-west-1_Xyz9' } });
    expect(asked).toEqual([]);
  });

  it('says what is wrong when /config.json is missing, unreadable or incomplete', async () => {
    expect(await fetchDeployedConfig(serving('Not found', 404).fetchJson)).toEqual({
      ok: false,
      problems: ['/config.json could not be read (HTTP 404).'],
    });
    expect(await fetchDeployedConfig(serving('<!doctype html>').fetchJson)).toEqual({
      ok: false,
      problems: ['/config.json is not valid JSON.'],
    });
    const { userPoolId: _, ...incomplete } = deployed;
    expect(
      await fetchDeployedConfig(serving({ ...incomplete, graphqlUrl: 'http://api.example.com/graphql' }).fetchJson),
    ).toEqual({
      ok: false,
      problems: ['/config.json: userPoolId is missing.', '/config.json: graphqlUrl must use https://.'],
    });
  });
});

describe('fetchDeployedConfig offline', () => {
  it('starts with the configuration it read last time when the network is down, and only then', async () => {
    const storage = new Map<string, string>();
    const store = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    };
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchDeployedConfig(offline, store)).toEqual({
      ok: false,
      problems: ['/config.json could not be read: Failed to fetch.'],
    });
    expect(await fetchDeployedConfig(serving(deployed).fetchJson, store)).toEqual({ ok: true, config });
    expect(JSON.parse(storage.get(LAST_CONFIG_KEY)!)).toEqual(deployed);
    expect(await fetchDeployedConfig(offline, store)).toEqual({ ok: true, config });
    // A stack that answers, even with an error, is asked again rather than remembered.
    expect((await fetchDeployedConfig(serving('gone', 404).fetchJson, store)).ok).toBe(false);
  });
});

describe('parseDeployedConfig', () => {
  it('accepts what the stack writes and refuses anything but an object', () => {
    expect(parseDeployedConfig(deployed)).toEqual({ ok: true, config });
    expect(parseDeployedConfig([deployed])).toEqual({
      ok: false,
      problems: ['/config.json should hold a JSON object.'],
    });
  });
});
