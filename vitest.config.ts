import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: the app's unit and component tests in jsdom, the backend suites in Node (local
 * Cognito, local AppSync, resolvers, and the real Amplify client against them), and the CDK stack
 * synthesized offline and checked with aws-cdk-lib/assertions.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        resolve: {
          alias: {
            '@': fileURLToPath(new URL('./src', import.meta.url)),
            '@rules': fileURLToPath(new URL('./backend/src/rules', import.meta.url)),
          },
        },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.ts'],
          // Every message area in English, as a page would have it once its route resolved.
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'backend',
          environment: 'node',
          include: ['tests/backend/**/*.test.ts'],
          // On a PostgreSQL server, the test files' schemas are dropped once the run ends.
          globalSetup: ['tests/backend/support/testSchemas.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own servers and databases; two cores run two at a time well.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'tooling',
          environment: 'node',
          // The lint layers and the generated-code check: they run ESLint and the code generator.
          include: ['tests/tooling/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // The API suites again through production's path: the Lambda entry (backend/src/lambda.ts),
          // Kysely's Data API dialect and the real RDS Data client, against the Data API stand-in.
          name: 'aws',
          environment: 'node',
          include: [
            'tests/backend/{api,activities,classes,messaging,notifications}/**/*.test.ts',
            'tests/aws/**/*.test.ts',
          ],
          // These drive the local cloud over HTTP: the path under test here is the Lambda's.
          exclude: ['**/amplify.test.ts', 'tests/backend/api/appSeam.test.ts', 'tests/backend/api/errorInfo.test.ts'],
          env: { HUDDLE_TEST_PATH: 'aws' },
          globalSetup: ['tests/backend/support/testSchemas.ts'],
          // Every statement is a signed HTTP request to the stand-in, and on PGlite the concurrency
          // suites' 100 callers take its one connection in turn: ~10 s on a quiet machine, more on a
          // busy one.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'infra',
          environment: 'node',
          include: ['tests/infra/**/*.test.ts'],
          // Synthesizing the stack bundles four Lambdas with esbuild: ~5 s here, allow for slow machines.
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
