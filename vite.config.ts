import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// @aws-amplify/ui's package "exports" hide its per-component stylesheets (dist/styles/*.css).
// The sign-in page imports only the ones the Authenticator uses (src/styles/amplify-authenticator.css)
// instead of the whole 31 KB gz styles.css, so they get an alias to the real folder.
const amplifyUiStyles = join(dirname(createRequire(import.meta.url).resolve('@aws-amplify/ui/package.json')), 'dist/styles')

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@amplify-ui-styles': amplifyUiStyles,
    },
  },
  build: {
    // scripts/size.ts follows the manifest to measure what each first page really downloads.
    manifest: true,
  },
})
