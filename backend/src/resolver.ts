import type { Caller, Services } from './context.js';
import type { AppSyncResolverEvent } from './event.js';

/** One field's resolver: who is calling, the field's arguments, the services, and the raw event. */
export type Resolver = (
  caller: Caller,
  args: Record<string, unknown>,
  services: Services,
  event: AppSyncResolverEvent,
) => unknown;
