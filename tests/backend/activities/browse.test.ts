/** Browsing (filters, search, paging), "my activities", and tenancy on every way in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../backend/src/shared/pagination.js';
import { hoursFromNow, openActivitiesWorld, type Json } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const [EMMA, LUCAS, SARAH] = ['sub-emma', 'sub-lucas', 'sub-sarah'];
const ids: Record<string, string> = {};
type Page = { items: { id: string; title: string; status: string }[]; nextToken: string | null };

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(EMMA, 'emma.peeters@student.kuleuven.be');
  await world.user(LUCAS, 'lucas.janssens@student.kuleuven.be');
  await world.user(SARAH, 'sarah.desmet@ugent.be');
  const make = async (key: string, host: string, input: Json) => (ids[key] = (await world.create(host, input)).id);
  await make('run', EMMA, {
    sport: 'RUNNING',
    title: 'Morning run',
    place: 'Park Abdij',
    startsAt: hoursFromNow(2),
    skillLevel: 'BEGINNER',
  });
  await make('volley', EMMA, {
    sport: 'VOLLEYBALL',
    title: 'Volley 100% fun',
    description: 'Beach_volley only',
    startsAt: hoursFromNow(26),
    capacity: 2,
  });
  await make('tennis', LUCAS, {
    sport: 'TENNIS',
    title: 'Tennis singles',
    place: 'Sportkot',
    startsAt: hoursFromNow(50),
    skillLevel: 'ADVANCED',
  });
  await make('ugent', SARAH, { sport: 'RUNNING', title: 'Morning run in Gent', startsAt: hoursFromNow(3) });
  await world.call('Mutation', 'joinActivity', { activityId: ids.volley }, LUCAS); // volley is now full
});
afterAll(() => world.database.close());

const browse = (filter: Json = {}, sub = EMMA, extra: Json = {}) =>
  world.call<Page>('Query', 'activities', { filter, ...extra }, sub);
const titles = async (filter: Json, sub = EMMA) => (await browse(filter, sub)).items.map((a) => a.title);

describe('activities', () => {
  it('lists the caller’s university’s upcoming activities, soonest first', async () => {
    expect(await titles({})).toEqual(['Morning run', 'Volley 100% fun', 'Tennis singles']);
    expect(await titles({}, SARAH)).toEqual(['Morning run in Gent']);
  });

  it('filters by sport, day range, skill level and free places', async () => {
    expect(await titles({ sport: 'TENNIS' })).toEqual(['Tennis singles']);
    expect(await titles({ from: hoursFromNow(24), to: hoursFromNow(48) })).toEqual(['Volley 100% fun']);
    // A "from" in the past still starts at now: browsing shows what is to come.
    expect(await titles({ from: hoursFromNow(-100), to: hoursFromNow(3) })).toEqual(['Morning run']);
    // An activity for any level suits every level.
    expect(await titles({ skillLevel: 'BEGINNER' })).toEqual(['Morning run', 'Volley 100% fun']);
    expect(await titles({ skillLevel: 'ANY' })).toEqual(['Volley 100% fun']);
    expect(await titles({ hasFreePlaces: true })).toEqual(['Morning run', 'Tennis singles']);
  });

  it('lists one person’s hosted activities for their page, and nothing of another university’s host', async () => {
    expect(await titles({ hostId: EMMA })).toEqual(['Morning run', 'Volley 100% fun']);
    expect(await titles({ hostId: LUCAS, sport: 'TENNIS' })).toEqual(['Tennis singles']);
    expect(await titles({ hostId: SARAH })).toEqual([]);
    expect(await titles({ hostId: 'sub-nobody' })).toEqual([]);
  });

  it('searches every word, in any case, in title, description and place — % and _ are plain characters', async () => {
    expect(await titles({ text: 'MORNING' })).toEqual(['Morning run']);
    expect(await titles({ text: 'run abdij' })).toEqual(['Morning run']);
    expect(await titles({ text: 'sportkot' })).toEqual(['Tennis singles']);
    expect(await titles({ text: '100%' })).toEqual(['Volley 100% fun']);
    expect(await titles({ text: '%' })).toEqual(['Volley 100% fun']);
    expect(await titles({ text: '_' })).toEqual(['Volley 100% fun']);
    expect(await titles({ text: 'run tennis' })).toEqual([]);
    expect(await titles({ text: '   ' })).toHaveLength(3);
  });
});

describe('paging', () => {
  it('walks three pages with no duplicates and refuses a token it did not make', async () => {
    for (let i = 0; i < 4; i++)
      await world.create(LUCAS, { title: `Paging game ${i}`, startsAt: hoursFromNow(60 + i) });
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page: Page = await browse({}, EMMA, { limit: 3, nextToken: token });
      seen.push(...page.items.map((a) => a.id));
      token = page.nextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    for (const nextToken of ['@@@', encodeCursor(['not a date', 'x']), encodeCursor([new Date().toISOString(), 'x'])]) {
      await expect(browse({}, EMMA, { nextToken })).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'nextToken is not valid: start again from the first page.',
      });
    }
  });
});

describe('myActivities', () => {
  const mine = (relation: string, when: string, sub: string) =>
    world.call<Page>('Query', 'myActivities', { relation, when }, sub).then((p) => p.items.map((a) => a.title));

  it('lists by relation, upcoming soonest first and past most recent first, cancelled ones flagged', async () => {
    expect(await mine('HOSTING', 'UPCOMING', EMMA)).toEqual(['Morning run', 'Volley 100% fun']);
    expect(await mine('JOINED', 'UPCOMING', LUCAS)).toEqual(['Volley 100% fun']);
    const gone = await world.create(EMMA, { title: 'Old game' });
    const older = await world.create(EMMA, { title: 'Older game' });
    await world.age(gone.id, 120);
    await world.age(older.id, 600);
    expect(await mine('HOSTING', 'PAST', EMMA)).toEqual(['Old game', 'Older game']);

    const called = await world.create(LUCAS, {
      title: 'Called off',
      startsAt: hoursFromNow(5),
      joinPolicy: 'APPROVAL',
    });
    await world.call('Mutation', 'joinActivity', { activityId: called.id }, EMMA);
    expect(await mine('REQUESTED', 'UPCOMING', EMMA)).toEqual(['Called off']);
    await world.call('Mutation', 'cancelActivity', { id: called.id }, LUCAS);
    const page = await world.call<Page>('Query', 'myActivities', { relation: 'REQUESTED', when: 'UPCOMING' }, EMMA);
    expect(page.items).toMatchObject([{ title: 'Called off', status: 'CANCELLED' }]);
  });
});

describe('tenancy', () => {
  it('answers NotFound to another university on every way in, and never lists it', async () => {
    const notFound = { name: 'NotFound', message: 'The activity was not found.' };
    await expect(world.call('Query', 'activity', { id: ids.run }, SARAH)).rejects.toMatchObject(notFound);
    await expect(world.call('Mutation', 'joinActivity', { activityId: ids.run }, SARAH)).rejects.toMatchObject(
      notFound,
    );
    await expect(world.call('Mutation', 'leaveActivity', { activityId: ids.run }, SARAH)).rejects.toMatchObject(
      notFound,
    );
    await expect(
      world.call('Mutation', 'updateActivity', { id: ids.run, input: { title: 'Mine' } }, SARAH),
    ).rejects.toMatchObject(notFound);
    await expect(world.call('Mutation', 'cancelActivity', { id: ids.run }, SARAH)).rejects.toMatchObject(notFound);
    await expect(
      world.call('Subscription', 'onActivityChanged', { activityId: ids.run, audience: 'PUBLIC' }, SARAH),
    ).rejects.toMatchObject(notFound);
    await expect(
      world.call('Subscription', 'onActivityChanged', { activityId: 'nope', audience: 'PUBLIC' }, SARAH),
    ).rejects.toMatchObject(notFound);
    await expect(
      world.call('Subscription', 'onActivityChanged', { activityId: ids.run, audience: 'PUBLIC' }, LUCAS),
    ).resolves.toBeNull();
    const all = await browse({ limit: 100, text: 'morning' }, SARAH);
    expect(all.items.map((a) => a.id)).toEqual([ids.ugent]);
  });
});
