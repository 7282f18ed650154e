import type { IamExecutor } from '../publishing.js';

/**
 * Calls the AppSync API with the function's own IAM role (SigV4), the way server-side events reach
 * AppSync's @aws_iam publish mutations. The AWS SDK pieces ship with the Lambda Node runtime.
 */
export function iamGraphqlExecutor(endpoint: string, region: string): IamExecutor {
  return async (query, variables, signal) => {
    const [{ SignatureV4 }, { Sha256 }, { defaultProvider }] = await Promise.all([
      import('@smithy/signature-v4'),
      import('@aws-crypto/sha256-js'),
      import('@aws-sdk/credential-provider-node'),
    ]);
    const url = new URL(endpoint);
    const body = JSON.stringify({ query, variables });
    const signer = new SignatureV4({ credentials: defaultProvider(), region, service: 'appsync', sha256: Sha256 });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: {},
      headers: { host: url.hostname, 'content-type': 'application/json' },
      body,
    });
    const response = await fetch(endpoint, { method: 'POST', headers: signed.headers, body, signal });
    return (await response.json()) as { errors?: unknown[] };
  };
}
