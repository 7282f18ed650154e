import type { RoleLogin } from '../db/roles.js';

export type SecretReader = (secretArn: string) => Promise<RoleLogin>;

/**
 * Reads a database secret ({ username, password, … }) from Secrets Manager with the function's own
 * role: one SigV4-signed GetSecretValue call, with the signing pieces the API's publisher already
 * uses rather than another SDK client in the bundle.
 */
export function secretsManagerReader(
  region: string,
  // The SDK's own variable for a service's endpoint: tests point it at a stand-in.
  endpoint = process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${region}.amazonaws.com/`,
) {
  const read: SecretReader = async (secretArn) => {
    const [{ SignatureV4 }, { Sha256 }, { defaultProvider }] = await Promise.all([
      import('@smithy/signature-v4'),
      import('@aws-crypto/sha256-js'),
      import('@aws-sdk/credential-provider-node'),
    ]);
    const url = new URL(endpoint);
    const body = JSON.stringify({ SecretId: secretArn });
    const signer = new SignatureV4({
      credentials: defaultProvider(),
      region,
      service: 'secretsmanager',
      sha256: Sha256,
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.GetSecretValue',
      },
      body,
    });
    const response = await fetch(endpoint, { method: 'POST', headers: signed.headers, body });
    const answer = (await response.json()) as { SecretString?: string; message?: string; __type?: string };
    if (!response.ok || !answer.SecretString) {
      // The service's own words name the secret and the refusal, never its value.
      throw new Error(`GetSecretValue failed (${response.status} ${answer.__type ?? ''}): ${answer.message ?? ''}`);
    }
    const { username, password } = JSON.parse(answer.SecretString) as Partial<RoleLogin>;
    if (!username || !password) throw new Error(`Secret ${secretArn} has no username and password.`);
    return { username, password };
  };
  return read;
}
