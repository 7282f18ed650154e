import { Amplify, type ResourcesConfig } from '@aws-amplify/core';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { defaultStorage } from 'aws-amplify/utils';
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

/**
 * Configured with the user pool's token provider alone. The app signs users in with a user pool and
 * calls the API with their tokens; it has no identity pool, so Amplify's default AWS-credentials
 * provider (identity ids, cookie storage, the Cognito Identity client: about 3 KB gzipped on every
 * page) would never be used. `Amplify.configure` from 'aws-amplify' wires that provider in whenever
 * no Auth providers are given, so the core singleton is configured the same way by hand: the token
 * provider reads the pool's config and keeps the tokens in localStorage, as the default does.
 */
export function configureAmplify(config: AppConfig): void {
  const resources = amplifyResourcesConfig(config);
  cognitoUserPoolsTokenProvider.setAuthConfig(resources.Auth!);
  cognitoUserPoolsTokenProvider.setKeyValueStorage(defaultStorage);
  Amplify.configure(resources, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
}
