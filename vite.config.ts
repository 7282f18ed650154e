import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pruneUnusedAmplifyTokens } from './scripts/vite/pruneAmplifyTokens';
import { serveDevServiceWorker } from './scripts/vite/serveDevServiceWorker';

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

/**
 * The installable app: a web manifest, and a service worker that precaches the app shell and its
 * static assets (so the app opens offline and instantly) and never caches anything else — no
 * GraphQL, no Cognito, nothing sent with a token, not /config.json. A new version waits for the
 * user's "reload" (registerType prompt; src/pwa/register.ts). The build adds the manifest's <link> to
 * index.html itself (one there too would link it twice; the dev server serves no manifest).
 */
function installableApp() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Huddle',
      short_name: 'Huddle',
      description: "Find students to play sport with, and book your sports centre's classes.",
      theme_color: '#1e3a8a',
      background_color: '#ffffff',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      globIgnores: ['config.json', '.vite/**'],
      // Client routes open the cached shell offline; paths with a file extension never get it.
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/\/[^/?]+\.[^/]+$/, /^\/__dev\//],
      runtimeCaching: [],
      // The first install takes control of the open page at once: without it, that whole first
      // visit fetches its lazy route chunks from the network, and a page opened after the phone
      // goes offline does not load. Safe with 'prompt': a later version activates only at the
      // user's reload.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    },
  });
}

export default defineConfig(({ mode }) => ({
  // `vite build --mode aws` (npm run deploy) makes the build a stack serves: it reads /config.json at
  // start (src/loadConfig.ts), so no VITE_* value from the shell or a developer's .env.local may be
  // built into it. A prefix no variable has keeps them all out.
  envPrefix: mode === 'aws' ? 'HUDDLE_AWS_BUILD_READS_CONFIG_JSON_' : 'VITE_',
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
    installableApp(),
    serveDevServiceWorker(),
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
    // A lazy chunk's own imports are announced with <link rel="modulepreload"> as it is imported,
    // so they download beside it. Inserting those links costs the main thread ~1.5 ms each on a
    // phone, ~12 per page (~80 ms of a 4x-slowed start, in its longest task), and saves nothing
    // when the service worker serves the files from its cache: signed-in pages always are, since
    // the worker installs on the sign-in page. So only index.html's links (the entry's imports) and
    // the sign-in page's (the one page opened before the worker has cached anything) stay.
    modulePreload: {
      resolveDependencies: (filename, deps, { hostType }) =>
        hostType === 'html' || /(^|\/)SignInView-[\w-]+\.js$/.test(filename) ? deps : [],
    },
    rolldownOptions: {
      output: {
        // Every page needs Vue, the router, Pinia and the i18n runtime: one chunk for them, so a
        // new lazy chunk elsewhere never makes the bundler split the framework into more pieces.
        codeSplitting: {
          groups: [
            { name: 'framework', test: /node_modules[\\/](@vue|vue|vue-router|pinia|petite-vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
}));
