import { buildSync } from 'esbuild';
import { fromRoot } from './paths.js';

/**
 * backend/src/appsync/resolverCode.ts bundled into one APPSYNC_JS module, as AppSync wants it
 * (ES module, `@aws-appsync/utils` left to the runtime). Built once per synth by the local esbuild.
 */
let bundled: string | undefined;

export function resolverCode(): string {
  bundled ??= buildSync({
    entryPoints: [fromRoot('backend/src/appsync/resolverCode.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    external: ['@aws-appsync/utils'],
    legalComments: 'none',
  }).outputFiles[0]!.text;
  return bundled;
}
