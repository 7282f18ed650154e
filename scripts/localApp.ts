/**
 * The app against a local cloud, for the scripts that run it: the app is configured only by the
 * cloud's URLs and ids, given to Vite as VITE_* variables (`npm run dev`, the installed-app
 * journeys' server, `npm run lighthouse`).
 */
import { build, preview, type PreviewServer } from 'vite';
import type { CloudInfo } from '../backend/local/cloud.js';

type AppSettings = Pick<CloudInfo, 'region' | 'userPoolId' | 'userPoolClientId' | 'cognitoUrl' | 'graphqlUrl'>;

/** Points the app Vite builds or serves from this process at the local cloud. */
export function configureAppFor(cloud: AppSettings): void {
  Object.assign(process.env, {
    VITE_AWS_REGION: cloud.region,
    VITE_USER_POOL_ID: cloud.userPoolId,
    VITE_USER_POOL_CLIENT_ID: cloud.userPoolClientId,
    VITE_COGNITO_ENDPOINT: cloud.cognitoUrl,
    VITE_GRAPHQL_URL: cloud.graphqlUrl,
    VITE_LOCAL_CLOUD: 'true',
  });
}

/** The production build, into `outDir`, served by `vite preview` on 127.0.0.1:`port`. */
export async function buildAndPreview(outDir: string, port: number): Promise<PreviewServer> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
}
