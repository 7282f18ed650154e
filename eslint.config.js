import pluginVue from 'eslint-plugin-vue';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting';

/**
 * Lint also holds the architecture (tests/tooling/layers.test.ts shows each rule firing):
 * - only src/api talks to the GraphQL client and only src/auth to Amplify Auth;
 * - views and components import src/api for its types only: calls go through composables and stores;
 * - components take props and emit events: only the app shell (components/shell/) reads stores;
 * - src imports nothing of backend/ but its shared rules (limits, text rules, error codes: @rules);
 * - backend/src (what runs in AWS) never imports backend/local (the laptop's stand-ins).
 */
const GRAPHQL_CLIENT = [
  { name: 'aws-amplify/api', message: 'Only src/api/ may import aws-amplify/api.' },
  { name: '@aws-amplify/api-graphql', message: 'Only src/api/ may import the GraphQL client.' },
];
const AMPLIFY_AUTH = [{ name: 'aws-amplify/auth', message: 'Only src/auth/ may import aws-amplify/auth.' }];
const BACKEND = {
  regex: '(^|/)backend/(?!src/rules(/|$))',
  message: 'src/ may import only the shared rules of backend/ (@rules/…).',
};
const API_CALLS = {
  group: ['@/api', '@/api/**'],
  allowTypeImports: true,
  message: 'Views and components import @/api for types only: call the API from a composable or a store.',
};
const STORES = {
  group: ['@/stores', '@/stores/**'],
  message: 'Components take props and emit events: only the app shell (components/shell/) reads stores.',
};
const LOCAL_CLOUD = {
  group: ['**/local/**', '**/local'],
  message: 'backend/src runs in AWS: it never imports backend/local (the local stand-ins).',
};

const restrict = ({ paths = [], patterns = [] }) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local/**',
      '.local-e2e/**',
      '.local-e2e-pwa/**',
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
  // Later entries replace the rule for the files they match, so each repeats what still applies.
  { files: ['src/**/*.{ts,vue}'], rules: restrict({ paths: [...GRAPHQL_CLIENT, ...AMPLIFY_AUTH], patterns: [BACKEND] }) },
  { files: ['src/api/**/*.ts'], rules: restrict({ paths: AMPLIFY_AUTH, patterns: [BACKEND] }) },
  { files: ['src/auth/**/*.ts'], rules: restrict({ paths: GRAPHQL_CLIENT, patterns: [BACKEND] }) },
  {
    files: ['src/views/**/*.{ts,vue}', 'src/components/shell/**/*.{ts,vue}'],
    rules: restrict({ paths: [...GRAPHQL_CLIENT, ...AMPLIFY_AUTH], patterns: [BACKEND, API_CALLS] }),
  },
  {
    files: ['src/components/**/*.{ts,vue}'],
    ignores: ['src/components/shell/**'],
    rules: restrict({ paths: [...GRAPHQL_CLIENT, ...AMPLIFY_AUTH], patterns: [BACKEND, API_CALLS, STORES] }),
  },
  { files: ['backend/src/**/*.ts'], rules: restrict({ patterns: [LOCAL_CLOUD] }) },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
