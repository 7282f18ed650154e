import { Hub } from 'aws-amplify/utils';
import type { AuthEvent } from './types';

const RELEVANT_EVENTS: readonly string[] = ['signedIn', 'signedOut', 'tokenRefresh_failure'] satisfies AuthEvent[];

/** Calls onEvent for the Hub 'auth' events the session cares about; returns the way to stop listening. */
export function listenToAuthEvents(onEvent: (event: AuthEvent) => void): () => void {
  return Hub.listen('auth', ({ payload }) => {
    if (RELEVANT_EVENTS.includes(payload.event)) onEvent(payload.event as AuthEvent);
  });
}
