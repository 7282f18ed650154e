/**
 * A blocked sender re-sending an old clientId (issue 11): the answer to sendMessage is what the
 * gateway (and AppSync) push to the recipient's onMessage, so once the recipient has blocked the
 * sender, the retry is refused and nothing reaches the blocker again, over the realtime socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, openRealtime, type Frame } from '../authorization/http.js';
import { startWorld, type World } from '../authorization/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

const SEND =
  'mutation ($r: ID!, $t: String!, $c: ID!) { sendMessage(recipientId: $r, text: $t, clientId: $c) { id recipientId text clientId } }';
// AppSync pushes the mutation's own selection (recipientId in it, to match the subscription's argument).
const WATCH = 'subscription ($u: ID!) { onMessage(recipientId: $u) { id text clientId } }';
const pushedText = (frame: Frame) => (frame.payload as { data: { onMessage: { text: string } } }).data.onMessage.text;

describe('a blocked sender’s retry of an old message', () => {
  it('is refused and not pushed to the blocker again; a retry before the block was pushed as usual', async () => {
    const blocker = await openRealtime(w.cloud.info, w.tokens.lucas);
    try {
      expect((await blocker.start('m', WATCH, { u: w.ids.lucas })).type).toBe('start_ack');
      const vars = { r: w.ids.lucas, t: 'Tennis on Friday?', c: 'old-client-id' };
      const first = await w.must('peer', SEND, vars);
      expect(pushedText(await blocker.next((f) => f.type === 'data' && f.id === 'm'))).toBe('Tennis on Friday?');

      await w.must('lucas', 'mutation ($u: ID!) { blockUser(userId: $u) }', { u: w.ids.peer });
      const answer = await graphql(w.cloud.info, w.tokens.peer, SEND, vars);
      expect(answer.errors?.[0]).toMatchObject({
        errorType: 'Forbidden',
        message: 'This person is not accepting messages from you.',
      });
      expect(answer.data?.sendMessage ?? null).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(blocker.unclaimed().filter((f) => f.type === 'data')).toEqual([]);
      // The message itself stays where it was.
      expect(first.sendMessage).toMatchObject({ clientId: 'old-client-id' });
    } finally {
      blocker.close();
      await w.must('lucas', 'mutation ($u: ID!) { unblockUser(userId: $u) }', { u: w.ids.peer });
    }
  });
});
