/**
 * The architecture rules in eslint.config.js, each shown firing on a file that breaks it (and
 * staying quiet on one that keeps it). The files are linted as if they stood at the given path.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = '@typescript-eslint/no-restricted-imports';

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const vue = (script: string) =>
  `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  <p>x</p>\n</template>\n`;

describe('lint holds the layers', () => {
  it('keeps the GraphQL client in src/api and Amplify Auth in src/auth', async () => {
    const client = "import { generateClient } from 'aws-amplify/api';\nexport const c = generateClient;\n";
    expect(await restrictedImports('src/stores/sneaky.ts', client)).toEqual([
      expect.stringContaining('Only src/api/ may import aws-amplify/api.'),
    ]);
    expect(await restrictedImports('src/api/fine.ts', client)).toEqual([]);
    const auth = "import { signIn } from 'aws-amplify/auth';\nexport const s = signIn;\n";
    expect(await restrictedImports('src/composables/sneaky.ts', auth)).toEqual([
      expect.stringContaining('Only src/auth/ may import aws-amplify/auth.'),
    ]);
    expect(await restrictedImports('src/auth/fine.ts', auth)).toEqual([]);
  });

  it('lets views and components import @/api for types only', async () => {
    const call = vue("import { getMe } from '@/api/profile';\nvoid getMe;");
    expect(await restrictedImports('src/views/SneakyView.vue', call)).toEqual([
      expect.stringContaining('for types only'),
    ]);
    expect(await restrictedImports('src/components/account/SneakyPanel.vue', call)).toEqual([
      expect.stringContaining('for types only'),
    ]);
    const types = vue("import type { Profile } from '@/api/profile';\ndefineProps<{ profile: Profile }>();");
    expect(await restrictedImports('src/views/FineView.vue', types)).toEqual([]);
    expect(
      await restrictedImports('src/composables/useFine.ts', "import { getMe } from '@/api/profile';\nvoid getMe;\n"),
    ).toEqual([]);
  });

  it('keeps stores out of components, but for the app shell', async () => {
    const store = vue("import { useSessionStore } from '@/stores/session';\nuseSessionStore();");
    expect(await restrictedImports('src/components/activities/SneakyCard.vue', store)).toEqual([
      expect.stringContaining('only the app shell'),
    ]);
    expect(await restrictedImports('src/components/shell/TheFineBar.vue', store)).toEqual([]);
    expect(await restrictedImports('src/views/FineView.vue', store)).toEqual([]);
  });

  it('lets src import only the shared rules of backend/', async () => {
    const local = "import { startLocalCloud } from '../../backend/local/cloud';\nvoid startLocalCloud;\n";
    expect(await restrictedImports('src/activities/sneaky.ts', local)).toEqual([
      expect.stringContaining('only the shared rules'),
    ]);
    const resolver = "import { createHandler } from '../../backend/src/handler';\nvoid createHandler;\n";
    expect(await restrictedImports('src/activities/sneaky.ts', resolver)).toEqual([
      expect.stringContaining('only the shared rules'),
    ]);
    const rules = "import { ACTIVITY_LIMITS } from '../../backend/src/rules/limits';\nvoid ACTIVITY_LIMITS;\n";
    expect(await restrictedImports('src/activities/fine.ts', rules)).toEqual([]);
    expect(
      await restrictedImports(
        'src/activities/fine.ts',
        "import { ACTIVITY_LIMITS } from '@rules/limits';\nvoid ACTIVITY_LIMITS;\n",
      ),
    ).toEqual([]);
  });

  it('keeps backend/src free of the local cloud', async () => {
    const local = "import { mailbox } from '../local/mailbox.js';\nvoid mailbox;\n";
    expect(await restrictedImports('backend/src/sneaky.ts', local)).toEqual([
      expect.stringContaining('never imports backend/local'),
    ]);
    expect(
      await restrictedImports(
        'backend/local/fine.ts',
        "import { createHandler } from '../src/handler.js';\nvoid createHandler;\n",
      ),
    ).toEqual([]);
  });
});
