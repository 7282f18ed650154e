/**
 * Who to tell when an API answer says the session is dead. Kept apart from errors.ts so the entry
 * (main.ts wires it to the session store) carries this line and not the API's error classes,
 * which only the signed-in pages need.
 */
let sessionExpiredHandler: (() => void) | undefined;

/** main.ts wires this to the session store; the API layer itself knows nothing of stores or routes. */
export function onSessionExpired(handler: () => void): void {
  sessionExpiredHandler = handler;
}

export function notifySessionExpired(): void {
  sessionExpiredHandler?.();
}
