/**
 * Cognito's JSON protocol by hand, for what the SDK and Amplify hide from a test (status codes,
 * headers, CORS) or would only slow it down (a plain-password sign-in instead of SRP).
 */

/** One operation sent as the SDK puts it on the wire. */
export function postOperation(
  cognitoUrl: string,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(cognitoUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}
