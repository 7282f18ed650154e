import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { configureAmplify } from './amplify';
import { onSessionExpired } from './api/sessionExpiry';
import App from './App.vue';
import LocaleSwitcher from './components/shell/LocaleSwitcher.vue';
import { i18n, preferredLocale, setLocale } from './i18n';
import { warmUpDateFormatting } from './i18n/format';
import { loadConfig } from './loadConfig';
import { nextTask } from './nextTask';
import { followConnection } from './pwa/appStatus';
import { createAppRouter, followSessionChanges, prefetchRoute } from './router';
import { useSessionStore } from './stores/session';
import './styles/base.css';
import './styles/forms.css';

async function start(): Promise<void> {
  // What the first page needs is fetched at once and side by side: the shell's messages, the page's
  // view and messages (prefetchRoute), and, for a deployed stack, /config.json. Awaited one after
  // the other they were three round trips before anything showed.
  const locale = preferredLocale();
  const router = createAppRouter();
  prefetchRoute(router, `${location.pathname}${location.search}`, locale);
  // The chosen language is loaded before the first paint, so no screen flashes in English.
  const languageLoaded = setLocale(locale);
  languageLoaded.catch(() => {}); // awaited below; not an unhandled rejection if the config fails first
  const localCloudRewrite = import.meta.env.VITE_LOCAL_CLOUD === 'true' ? import('./local/websocketRewrite') : null;
  warmUpDateFormatting();
  // The modules' own evaluation and the fetches above make one task; setting the app up, another.
  await nextTask();

  const parsed = await loadConfig(import.meta.env);
  if (!parsed.ok) {
    await showStartupProblems(parsed.problems);
    return;
  }

  // Vite replaces import.meta.env.VITE_LOCAL_CLOUD at build time, so without it this branch and
  // its chunk are dropped from the build. It must run before Amplify opens any socket.
  if (localCloudRewrite) (await localCloudRewrite).installLocalWebSocketRewrite();

  configureAmplify(parsed.config);
  await languageLoaded;

  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  // For the Me page (views/MeView.vue says why it is not imported there).
  app.component('LocaleSwitcher', LocaleSwitcher);

  const session = useSessionStore();
  // Staff membership is the server's to decide (an administrator may have changed it since the
  // token was issued): read lazily, so the sign-in page never loads the GraphQL client for it.
  // Set before the router's first navigation, whose guard may need it.
  session.checkGroupsWith(async () => (await (await import('./api/profile')).getMe()).roles);
  app.use(router);

  // Online or not, for the whole visit: the shell's banner reads it.
  followConnection();
  // A dead token seen by the API ends the session; followSessionChanges then sends the user
  // to sign-in with the current path kept.
  onSessionExpired(() => session.expireSession());
  followSessionChanges(router);

  await router.isReady();
  // Rendering the first page is the longest task of the start: it runs on its own, not after
  // whatever the last awaited step did in the same task.
  await nextTask();
  app.mount('#app');

  // Installable app: the service worker is registered once the page shows. A production build
  // gets the precaching one; the dev server a network-first one, so it too starts offline.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void import('./pwa/register').then(({ registerServiceWorker }) => registerServiceWorker());
  } else if (import.meta.env.DEV) {
    void import('./pwa/devServiceWorker').then(({ registerDevServiceWorker }) => registerDevServiceWorker());
  }
}

/** Never a blank page: whatever stops the start is listed on screen. */
async function showStartupProblems(problems: string[]): Promise<void> {
  try {
    // Loaded only when something is wrong: a start that works never downloads it.
    const { default: ConfigErrorView } = await import('./views/ConfigErrorView.vue');
    createApp(ConfigErrorView, { problems }).mount('#app');
  } catch {
    document.getElementById('app')!.textContent = problems.join('\n');
  }
}

start().catch((error: unknown) => {
  console.error(error);
  void showStartupProblems([`The app failed to start: ${error instanceof Error ? error.message : String(error)}`]);
});
