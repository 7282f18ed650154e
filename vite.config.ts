import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { pruneUnusedAmplifyTokens } from './scripts/vite/pruneAmplifyTokens';

// @aws-amplify/ui's package "exports" hide its per-component stylesheets (dist/styles/*.css).
// The sign-in page imports only the ones the Authenticator uses (src/styles/amplify-authenticator.css)
// instead of the whole 31 KB gz styles.css, so they get an alias to the real folder.
const amplifyUiStyles = join(
  dirname(createRequire(import.meta.url).resolve('@aws-amplify/ui/package.json')),
  'dist/styles',
);

/**
 * @aws-amplify/ui-vue's bundle copies each of its 20 Authenticator dictionaries with `X = { ...Y }`.
 * A bundler must assume a spread may run getters, so all of them (~20 KB gz) stay in the sign-in
 * chunk although the app uses none. `Object.assign({}, Y)` does the same copy and can carry a
 * pure annotation, so unused dictionaries are dropped. If a new ui-vue version changes that code,
 * nothing matches, the bundle just grows, and scripts/size.ts reports it.
 * When the app adds nl/fr (`translations` from '@aws-amplify/ui-vue'), those dictionaries stay.
 */
function dropUnusedAmplifyUiDictionaries(): Plugin {
  return {
    name: 'huddle:drop-unused-amplify-ui-dictionaries',
    apply: 'build',
    transform: {
      filter: { id: /@aws-amplify[\\/]ui-vue[\\/]dist[\\/]index\.js$/ },
      handler(code) {
        return code.replace(
          /\b([\w$]+) = \{ \.\.\.([\w$]+) \}/g,
          (_match, copy: string, source: string) => `${copy} = /* @__PURE__ */ Object.assign({}, ${source})`,
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [
    vue(),
    // Messages are compiled to functions at build time, so the browser gets vue-i18n's runtime
    // without its message compiler (and no eval, which a strict CSP would refuse).
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/**/*.json', import.meta.url))],
      module: 'petite-vue-i18n',
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }),
    dropUnusedAmplifyUiDictionaries(),
    pruneUnusedAmplifyTokens(),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The limits and error codes the server checks too: the one part of backend/ the app imports.
      '@rules': fileURLToPath(new URL('./backend/src/rules', import.meta.url)),
      '@amplify-ui-styles': amplifyUiStyles,
    },
  },
  build: {
    // scripts/size.ts follows the manifest to measure what each first page really downloads.
    manifest: true,
  },
});
