import { Hub } from 'aws-amplify/utils';

/**
 * Amplify's realtime connection as it reports itself on the Hub ('api' channel, event
 * ConnectionStateChange): Connected, Connecting, ConnectionDisrupted, ConnectionDisruptedPendingNetwork,
 * ConnectedPendingNetwork, ConnectedPendingKeepAlive, ConnectedPendingDisconnect, Disconnected.
 * Amplify reconnects a dropped socket and restarts its subscriptions by itself, without replaying
 * what was published meanwhile: a return to Connected after any disruption is the moment to catch up.
 * https://docs.amplify.aws/javascript/build-a-backend/graphqlapi/subscribe-data/ ("Subscription connection
 * status updates"); the states come from @aws-amplify/api-graphql's ConnectionStateMonitor, whose
 * ReconnectionMonitor restarts the subscriptions 5 s after a disruption.
 */
export type ConnectionState = string;

const CONNECTION_STATE_CHANGE = 'ConnectionStateChange';

/** Calls `listener` with each new connection state; returns the function that stops listening. */
export function onConnectionStateChange(listener: (state: ConnectionState) => void): () => void {
  return Hub.listen('api', ({ payload }) => {
    const data = payload.data as { connectionState?: unknown } | undefined;
    if (payload.event === CONNECTION_STATE_CHANGE && typeof data?.connectionState === 'string') {
      listener(data.connectionState);
    }
  });
}

/** Calls `listener` each time the connection is back after a disruption (not on the first connect). */
export function onReconnected(listener: () => void): () => void {
  let disrupted = false;
  return onConnectionStateChange((state) => {
    if (state === 'Connected') {
      if (disrupted) listener();
      disrupted = false;
    } else if (state !== 'Connecting') {
      // Disrupted, pending network or keep-alive, disconnected: events may be missed from here on.
      disrupted = true;
    }
  });
}
