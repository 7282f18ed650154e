/**
 * Who changed an activity is told only to its host and to that person (issue 11, privacy): over the
 * realtime socket, a viewer's change events carry no one's id, and a viewer never hears of join
 * requests at all; the host's events name each person; a person's own audience names only them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRealtime, type Frame, type Json } from '../authorization/http.js';
import { startWorld, type World } from '../authorization/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.close());

const WATCH =
  'subscription ($a: ID!, $for: ID!) { onActivityChanged(activityId: $a, audience: $for) { kind userId audience } }';
type Change = { kind: string; userId: string | null; audience: string };
const changeOf = (frame: Frame) => (frame.payload as { data: { onActivityChanged: Change } }).data.onActivityChanged;

describe('activity change events', () => {
  it('carry no other person’s id to a viewer, and each person’s id to the host and to that person', async () => {
    const a = await w.activity({ joinPolicy: 'APPROVAL' });
    const host = await openRealtime(w.cloud.info, w.tokens.emma);
    const viewer = await openRealtime(w.cloud.info, w.tokens.lucas);
    const asker = await openRealtime(w.cloud.info, w.tokens.peer);
    try {
      expect((await host.start('h', WATCH, { a, for: 'HOST' })).type).toBe('start_ack');
      expect((await viewer.start('v', WATCH, { a, for: 'PUBLIC' })).type).toBe('start_ack');
      expect((await asker.start('p', WATCH, { a, for: w.ids.peer })).type).toBe('start_ack');

      // peer asks and withdraws; pieter asks, is approved and then removed; the host renames it.
      const vars = (more: Json = {}) => ({ a, ...more });
      await w.join('peer', a, 'Room for one more?');
      await w.must('peer', 'mutation ($a: ID!) { leaveActivity(activityId: $a) { status } }', vars());
      await w.join('pieter', a);
      await w.must(
        'emma',
        'mutation ($a: ID!, $u: ID!) { respondToJoinRequest(activityId: $a, userId: $u, approve: true) { status } }',
        vars({ u: w.ids.pieter }),
      );
      await w.must(
        'emma',
        'mutation ($a: ID!, $u: ID!) { removeParticipant(activityId: $a, userId: $u) { status } }',
        vars({ u: w.ids.pieter }),
      );
      await w.must('emma', 'mutation ($a: ID!) { updateActivity(id: $a, input: { title: "Renamed" }) { id } }', vars());

      const heard = async (socket: typeof host, id: string, last: string) => {
        const changes: Change[] = [];
        while (changes.at(-1)?.kind !== last) {
          changes.push(changeOf(await socket.next((f) => f.type === 'data' && f.id === id)));
        }
        return changes;
      };
      const viewerHeard = await heard(viewer, 'v', 'UPDATED');
      const hostHeard = await heard(host, 'h', 'UPDATED');
      const askerHeard = await heard(asker, 'p', 'WITHDRAWN');

      // The viewer: what changed, never who; nothing of the requests.
      expect(viewerHeard).toEqual([
        { kind: 'APPROVED', userId: null, audience: 'PUBLIC' },
        { kind: 'REMOVED', userId: null, audience: 'PUBLIC' },
        { kind: 'UPDATED', userId: null, audience: 'PUBLIC' },
      ]);
      const everything = JSON.stringify([...viewerHeard, ...viewer.unclaimed()]);
      for (const person of ['peer', 'pieter', 'emma'] as const) expect(everything).not.toContain(w.ids[person]);

      // The host: every change, each naming its person.
      expect(hostHeard).toEqual([
        { kind: 'REQUESTED', userId: w.ids.peer, audience: 'HOST' },
        { kind: 'WITHDRAWN', userId: w.ids.peer, audience: 'HOST' },
        { kind: 'REQUESTED', userId: w.ids.pieter, audience: 'HOST' },
        { kind: 'APPROVED', userId: w.ids.pieter, audience: 'HOST' },
        { kind: 'REMOVED', userId: w.ids.pieter, audience: 'HOST' },
        { kind: 'UPDATED', userId: null, audience: 'HOST' },
      ]);

      // The person: their own changes only, named.
      expect(askerHeard).toEqual([
        { kind: 'REQUESTED', userId: w.ids.peer, audience: w.ids.peer },
        { kind: 'WITHDRAWN', userId: w.ids.peer, audience: w.ids.peer },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(JSON.stringify(asker.unclaimed())).not.toContain(w.ids.pieter);
    } finally {
      host.close();
      viewer.close();
      asker.close();
    }
  });

  it('are not open to a viewer who names someone else’s audience or the host’s', async () => {
    const a = await w.activity();
    const viewer = await openRealtime(w.cloud.info, w.tokens.lucas);
    try {
      const refusal = async (id: string, audience: string) => {
        const frame = await viewer.start(id, WATCH, { a, for: audience });
        return frame.payload?.errors?.[0];
      };
      expect(await refusal('x1', 'HOST')).toMatchObject({ errorType: 'Forbidden' });
      expect(await refusal('x2', w.ids.peer)).toMatchObject({ errorType: 'Forbidden' });
      expect(await refusal('x3', '')).toMatchObject({ errorType: 'ValidationError' });
      expect((await viewer.start('x4', WATCH, { a, for: w.ids.lucas })).type).toBe('start_ack');
    } finally {
      viewer.close();
    }
  });
});
