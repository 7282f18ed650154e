import pluginVue from 'eslint-plugin-vue';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting';

/**
 * Lint also holds the architecture: only src/api talks to the GraphQL client and only src/auth
 * talks to Amplify Auth, so views and stores cannot grow their own network code.
 */
const seamRule = (allowed) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [
        allowed !== 'api' && { name: 'aws-amplify/api', message: 'Only src/api/ may import aws-amplify/api.' },
        allowed !== 'api' && {
          name: '@aws-amplify/api-graphql',
          message: 'Only src/api/ may import the GraphQL client.',
        },
        allowed !== 'auth' && { name: 'aws-amplify/auth', message: 'Only src/auth/ may import aws-amplify/auth.' },
      ].filter(Boolean),
    },
  ],
});

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local/**',
      '.local-e2e/**',
      'backend/.build/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'cdk.out/**',
      'src/api/generated/**',
      'backend/src/generated/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  skipFormatting,
  { files: ['src/**/*.{ts,vue}'], rules: seamRule(null) },
  { files: ['src/api/**/*.ts'], rules: seamRule('api') },
  { files: ['src/auth/**/*.ts'], rules: seamRule('auth') },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
