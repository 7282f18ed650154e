import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { fromRoot, repoRoot } from './paths.js';

/**
 * A Lambda bundled from backend/src by the local esbuild (devDependency): no Docker. The AWS SDK v3
 * clients come with the Node runtime; PGlite and pg's native binding are never used in AWS.
 */
export function backendFunction(
  scope: Construct,
  id: string,
  props: { entry: string; environment?: Record<string, string>; timeout?: Duration; memorySize?: number },
): NodejsFunction {
  return new NodejsFunction(scope, id, {
    entry: fromRoot(props.entry),
    handler: 'handler',
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(15),
    projectRoot: repoRoot,
    depsLockFilePath: fromRoot('package-lock.json'),
    environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    bundling: {
      format: OutputFormat.ESM,
      // Some bundled CommonJS (pg) calls require() on Node built-ins: give the ES module one.
      banner:
        "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      mainFields: ['module', 'main'],
      minify: true,
      sourceMap: true,
      target: 'node22',
      externalModules: ['@aws-sdk/*', '@electric-sql/pglite', 'pg-native'],
      forceDockerBundling: false,
    },
  });
}
