import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: the app's unit and component tests in jsdom, and the backend suites in Node
 * (local Cognito, local AppSync, resolvers, and the real Amplify client against them).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [vue()],
        resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
        test: { name: 'unit', environment: 'jsdom', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        test: {
          name: 'backend',
          environment: 'node',
          include: ['tests/backend/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file starts its own servers and databases; two cores run two at a time well.
          maxWorkers: 2,
        },
      },
    ],
  },
});
