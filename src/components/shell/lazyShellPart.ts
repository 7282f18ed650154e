import { defineAsyncComponent, type Component } from 'vue';
import { loadAreas } from '@/i18n';

const RETRIES = 3;
const RETRY_DELAY_MS = 1_000;

/** Load failures given up on: the header swallows exactly these (onErrorCaptured), nothing else. */
export const givenUp = new WeakSet<Error>();

/**
 * A part of the app header that loads after the page shows, in its own chunk (the bell, the
 * Messages badge: they bring their store and the GraphQL client, which the sign-in page never
 * needs). A failed chunk or message load (a flaky network, a deploy in between) is tried again a few
 * times with a growing pause; after that the header goes on without the part rather than breaking.
 */
export function lazyShellPart(load: () => Promise<Component>): Component {
  return defineAsyncComponent({
    loader: load,
    // Renders nothing; having one also keeps Vue from rethrowing the failure.
    errorComponent: { render: () => null },
    onError(error, retry, fail, attempts) {
      if (attempts <= RETRIES) {
        setTimeout(retry, RETRY_DELAY_MS * attempts);
        return;
      }
      givenUp.add(error);
      fail();
    },
  });
}

type LiveShell = typeof import('./liveShell');
// Parts asked for together share one load; once it settles it is forgotten, so a retry (or a
// part mounted later) asks again: the browser's module cache and loadAreas answer at once then.
let loading: Promise<LiveShell> | null = null;
const live = () =>
  (loading ??= Promise.all([import('./liveShell'), loadAreas(['notifications'])])
    .then(([parts]) => parts)
    .finally(() => {
      loading = null;
    }));

/**
 * One of the shell's live parts (liveShell.ts: the bell, the Messages badge, the phone's tab bar),
 * all in one chunk with the stores that own the session's subscriptions and their messages.
 */
export const liveShellPart = (part: keyof LiveShell): Component => lazyShellPart(async () => (await live())[part]);
