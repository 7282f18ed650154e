import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/config';

const AWS = {
  VITE_AWS_REGION: 'eu-west-1',
  VITE_USER_POOL_ID: 'eu-west-1_AbC123',
  VITE_USER_POOL_CLIENT_ID: '1h2j3k4l5m6n7o8p9q0r',
  VITE_GRAPHQL_URL: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql',
};
const LOCAL = {
  VITE_AWS_REGION: 'local',
  VITE_USER_POOL_ID: 'local_5Xy7z',
  VITE_USER_POOL_CLIENT_ID: 'abc123',
  VITE_GRAPHQL_URL: 'http://127.0.0.1:4000/graphql',
  VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229',
  VITE_LOCAL_CLOUD: 'true',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = parseConfig(env);
  return result.ok ? [] : result.problems;
}

describe('parseConfig', () => {
  it('accepts an AWS configuration, with no Cognito endpoint and local mode off', () => {
    expect(parseConfig(AWS)).toEqual({
      ok: true,
      config: {
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_AbC123',
        userPoolClientId: '1h2j3k4l5m6n7o8p9q0r',
        graphqlUrl: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql',
        localCloud: false,
      },
    });
  });

  it('accepts the local cloud, with its Cognito endpoint', () => {
    const result = parseConfig(LOCAL);
    expect(result.ok && result.config).toMatchObject({ localCloud: true, cognitoEndpoint: 'http://127.0.0.1:9229' });
  });

  it('names every missing variable at once', () => {
    expect(problemsOf({})).toEqual([
      'VITE_AWS_REGION is missing.',
      'VITE_USER_POOL_ID is missing.',
      'VITE_USER_POOL_CLIENT_ID is missing.',
      'VITE_GRAPHQL_URL is missing.',
    ]);
  });

  it('treats blank values as missing', () => {
    expect(problemsOf({ ...AWS, VITE_USER_POOL_ID: '  ' })).toEqual(['VITE_USER_POOL_ID is missing.']);
  });

  it('refuses malformed values, quoting them', () => {
    const problems = problemsOf({ ...AWS, VITE_USER_POOL_ID: 'nounderscore', VITE_GRAPHQL_URL: 'not a url' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"nounderscore"');
    expect(problems[1]).toContain('"not a url"');
  });

  it('refuses plain http outside local mode', () => {
    expect(problemsOf({ ...AWS, VITE_GRAPHQL_URL: 'http://api.example.com/graphql' })).toEqual([
      'VITE_GRAPHQL_URL must use https:// unless VITE_LOCAL_CLOUD=true.',
    ]);
  });

  it('refuses a Cognito endpoint outside local mode, and its absence in local mode', () => {
    expect(problemsOf({ ...AWS, VITE_COGNITO_ENDPOINT: 'http://127.0.0.1:9229' })[0]).toMatch(
      /only for the local cloud/,
    );
    expect(problemsOf({ ...LOCAL, VITE_COGNITO_ENDPOINT: undefined })[0]).toMatch(/VITE_COGNITO_ENDPOINT is missing/);
  });

  it('accepts only "true" or "false" for VITE_LOCAL_CLOUD', () => {
    expect(problemsOf({ ...AWS, VITE_LOCAL_CLOUD: 'false' })).toEqual([]);
    expect(problemsOf({ ...AWS, VITE_LOCAL_CLOUD: 'yes' })[0]).toMatch(/VITE_LOCAL_CLOUD/);
  });
});
