import { Amplify, type ResourcesConfig } from 'aws-amplify';
import type { AppConfig } from './config';

/**
 * The one place Amplify is configured. A plain config object (not amplify_outputs.json)
 * because only it has `userPoolEndpoint`, which points Amplify at the local Cognito stand-in.
 */
export function amplifyResourcesConfig(config: AppConfig): ResourcesConfig {
  return {
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.cognitoEndpoint ? { userPoolEndpoint: config.cognitoEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
        userAttributes: { email: { required: true }, name: { required: true } },
        // Mirrors the user pool's policy so the sign-up form can explain it before Cognito refuses.
        passwordFormat: {
          minLength: 8,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSpecialCharacters: false,
        },
      },
    },
    API: {
      GraphQL: {
        endpoint: config.graphqlUrl,
        region: config.region,
        defaultAuthMode: 'userPool',
      },
    },
  };
}

export function configureAmplify(config: AppConfig): void {
  Amplify.configure(amplifyResourcesConfig(config));
}
