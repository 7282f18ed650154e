import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const source = new URL('./dev-sw.js', import.meta.url);

/**
 * Serves the dev server's network-first service worker at /dev-sw.js. Only `vite serve` has it: a
 * production build ships vite-plugin-pwa's precaching worker and nothing of this one.
 */
export function serveDevServiceWorker(): Plugin {
  return {
    name: 'huddle:serve-dev-service-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/dev-sw.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        response.end(readFileSync(source, 'utf8'));
      });
    },
  };
}
