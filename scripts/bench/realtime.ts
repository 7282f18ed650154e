import WebSocket from 'ws';
import type { CloudInfo } from './cloudProcess.js';

/**
 * A subscriber speaking AppSync's realtime protocol (as Amplify does: graphql-ws subprotocol plus
 * the auth header subprotocol), for measuring when a message reaches the recipient.
 */
export async function subscribe(
  info: CloudInfo,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  onData: (payload: Record<string, unknown>) => void,
): Promise<() => void> {
  const host = new URL(info.graphqlUrl).host;
  const header = Buffer.from(JSON.stringify({ Authorization: token, host })).toString('base64url');
  const socket = new WebSocket(info.realtimeUrl, ['graphql-ws', `header-${header}`]);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('error', reject);
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as {
        type: string;
        id?: string;
        payload?: { data?: Record<string, unknown> };
      };
      if (frame.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: 'bench',
            type: 'start',
            payload: {
              data: JSON.stringify({ query, variables }),
              extensions: { authorization: { Authorization: token, host } },
            },
          }),
        );
      } else if (frame.type === 'start_ack') resolve();
      else if (frame.type === 'data' && frame.payload?.data) onData(frame.payload.data);
      else if (frame.type === 'error' || frame.type === 'connection_error') reject(new Error(JSON.stringify(frame)));
    });
  });
  return () => socket.close();
}
