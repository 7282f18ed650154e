// The local gateway's delivery check remembers each user's cut-off, and reads it again once told
// that the user's sessions were ended.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionCheck } from '../../../backend/local/sessionCheck.js';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { ensureProfile } from '../../../backend/src/profiles/ensureProfile.js';
import { endSessions } from '../../../backend/src/profiles/sessions.js';
import { makeIdentity, openTestDatabase } from './harness.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await ensureProfile(database.db, { sub: 'sub-olga', email: 'olga@ulb.be', name: 'Olga', groups: [] });
});
afterAll(() => database.close());

it('refuses a subscriber once its sessions were ended and the check was told so', async () => {
  const check = sessionCheck(database.db);
  const signedIn = Math.floor(Date.now() / 1000) - 60;
  const identity = makeIdentity('sub-olga', { iat: signedIn });
  await expect(check.check(identity)).resolves.toBeUndefined();

  await endSessions(database.db, 'sub-olga', new Date());
  // Not told yet: the remembered cut-off (none) still holds, without a database read.
  await expect(check.check(identity)).resolves.toBeUndefined();

  check.forget('sub-olga');
  await expect(check.check(identity)).rejects.toMatchObject({ name: 'Unauthorized' });
  // A session signed in after the cut-off is fine.
  await expect(check.check(makeIdentity('sub-olga', { iat: signedIn + 3600 }))).resolves.toBeUndefined();
});

it('does not keep a cut-off read that raced with `forget`', async () => {
  const check = sessionCheck(database.db);
  await ensureProfile(database.db, { sub: 'sub-piet', email: 'piet@ulb.be', name: 'Piet', groups: [] });
  const identity = makeIdentity('sub-piet', { iat: Math.floor(Date.now() / 1000) - 60 });
  const reading = check.check(identity); // reads "no cut-off" from the database…
  check.forget('sub-piet'); // …while someone ends the sessions and says so
  await reading;
  // Had the stale read been kept, this would answer from memory without reading the new cut-off.
  await endSessions(database.db, 'sub-piet', new Date());
  await expect(check.check(identity)).rejects.toMatchObject({ name: 'Unauthorized' });
});
