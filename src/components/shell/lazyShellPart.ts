import { defineAsyncComponent, type Component } from 'vue';

const RETRIES = 3;
const RETRY_DELAY_MS = 1_000;

/** Load failures given up on: the header swallows exactly these (onErrorCaptured), nothing else. */
export const givenUp = new WeakSet<Error>();

/**
 * A part of the app header that loads after the page shows, in its own chunk (the bell, the
 * Messages badge: they bring their store and the GraphQL client, which the sign-in page never
 * needs). A placeholder, if given, holds the part's place while it loads. A failed chunk or message load (a flaky network, a deploy in between) is tried again a few
 * times with a growing pause; after that the header goes on without the part rather than breaking.
 */
export function lazyShellPart(load: () => Promise<Component>, placeholder?: Component): Component {
  return defineAsyncComponent({
    loader: load,
    // Shown at once while the part loads, so its arrival moves nothing on the page.
    ...(placeholder ? { loadingComponent: placeholder, delay: 0 } : {}),
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
