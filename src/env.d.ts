/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

// The variables the app reads at build time; .env.example documents each one.
interface ImportMetaEnv {
  readonly VITE_AWS_REGION?: string;
  readonly VITE_USER_POOL_ID?: string;
  readonly VITE_USER_POOL_CLIENT_ID?: string;
  readonly VITE_GRAPHQL_URL?: string;
  /** Local cloud only: the Cognito stand-in's URL (Amplify's `userPoolEndpoint`). */
  readonly VITE_COGNITO_ENDPOINT?: string;
  /** 'true' when the app talks to the local cloud on this laptop. */
  readonly VITE_LOCAL_CLOUD?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
