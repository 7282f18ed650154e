import type { Services } from '../src/context.js';
import { recordingPublisher } from '../src/events.js';
import { createHandler } from '../src/handler.js';
import type { LocalCognito } from './cognito/index.js';
import { caller, type Call } from './demoCall.js';
import { demoCampuses } from './demoPeople.js';
import { seedDemoSocial } from './demoSocial.js';
import { addLocalDays, fromLocalTime, toLocalTime } from '../src/classes/time.js';

/**
 * Activities, classes, bookings, messages and notifications that make a first start feel alive.
 * Everything goes through the real resolvers, so waitlists, counts and notifications are exactly
 * what the product would have produced. Runs once, on a database with no activities yet.
 */

const ZONE = 'Europe/Brussels';

export interface Campus {
  universityId: string;
  /** Students' subs, the README's demo students first. */
  students: string[];
  staff: string;
}

/** `days` from today at hh:mm on Brussels clocks. */
function at(days: number, hour: number, minute = 0): string {
  const day = toLocalTime(addLocalDays(new Date(), days, ZONE), ZONE);
  return fromLocalTime({ ...day, hour, minute, second: 0, millisecond: 0 }, ZONE).toISOString();
}

const ACTIVITIES = [
  {
    sport: 'BASKETBALL',
    title: 'Pickup basketball, full court',
    place: 'Sportkot hall 2',
    hour: 19,
    capacity: 10,
    skillLevel: 'INTERMEDIATE',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'RUNNING',
    title: 'Easy 8 km run along the canal',
    place: 'Vaartkom, meet at the bridge',
    hour: 7,
    capacity: 12,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'FOOTBALL',
    title: 'Five-a-side after class',
    place: 'Artificial pitch behind the library',
    hour: 18,
    capacity: 10,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'VOLLEYBALL',
    title: 'Beach volleyball 2 v 2',
    place: 'Beach courts, sports park',
    hour: 17,
    capacity: 4,
    skillLevel: 'INTERMEDIATE',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'TENNIS',
    title: 'Tennis doubles, looking for two',
    place: 'Tennis club courts 3–4',
    hour: 16,
    capacity: 4,
    skillLevel: 'ADVANCED',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'BADMINTON',
    title: 'Badminton for beginners',
    place: 'Sports hall, court B',
    hour: 20,
    capacity: 6,
    skillLevel: 'BEGINNER',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'CYCLING',
    title: 'Sunday ride through the Meerdaal forest',
    place: 'Station square, bike racks',
    hour: 10,
    capacity: 8,
    skillLevel: 'INTERMEDIATE',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'CLIMBING',
    title: 'Bouldering session, all levels welcome',
    place: 'Climbing gym, main entrance',
    hour: 19,
    capacity: 6,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'SWIMMING',
    title: 'Lane swimming, 45 minutes',
    place: 'Olympic pool',
    hour: 12,
    capacity: 5,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'YOGA',
    title: 'Sunset yoga in the park',
    place: 'Park lawn near the abbey',
    hour: 19,
    capacity: 15,
    skillLevel: 'BEGINNER',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'TABLE_TENNIS',
    title: 'Table tennis mini tournament',
    place: 'Student centre basement',
    hour: 21,
    capacity: 8,
    skillLevel: 'ANY',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'HIKING',
    title: 'Day hike in the Ardennes (train together)',
    place: 'Central station, platform 5',
    hour: 8,
    capacity: 10,
    skillLevel: 'INTERMEDIATE',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'PADEL',
    title: 'Padel, one more pair needed',
    place: 'Padel club, court 1',
    hour: 18,
    capacity: 4,
    skillLevel: 'BEGINNER',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'ULTIMATE_FRISBEE',
    title: 'Ultimate frisbee scrimmage',
    place: 'University sports fields',
    hour: 17,
    capacity: 14,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'RUNNING',
    title: 'Interval training on the track',
    place: 'Athletics track',
    hour: 18,
    capacity: 8,
    skillLevel: 'ADVANCED',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'BASKETBALL',
    title: '3 v 3 half court',
    place: 'Outdoor courts, sports park',
    hour: 16,
    capacity: 6,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'FOOTBALL',
    title: 'Futsal with the international students',
    place: 'Sports hall, court A',
    hour: 20,
    capacity: 12,
    skillLevel: 'INTERMEDIATE',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'FITNESS',
    title: 'Outdoor circuit workout',
    place: 'Calisthenics park',
    hour: 7,
    capacity: 10,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
  },
  {
    sport: 'ROWING',
    title: 'Try rowing: a double scull',
    place: 'Rowing club boathouse',
    hour: 9,
    capacity: 2,
    skillLevel: 'BEGINNER',
    joinPolicy: 'APPROVAL',
  },
  {
    sport: 'CLIMBING',
    title: 'Lead climbing, belay partners wanted',
    place: 'Climbing gym, lead wall',
    hour: 20,
    capacity: 4,
    skillLevel: 'ADVANCED',
    joinPolicy: 'APPROVAL',
  },
] as const;

const CLASSES = [
  {
    name: 'Yoga for beginners',
    sport: 'YOGA',
    instructor: 'Sofie Jansen',
    place: 'Studio 1',
    capacity: 12,
    weekday: 1,
    hour: 18,
  },
  {
    name: 'Spinning: power hour',
    sport: 'SPINNING',
    instructor: 'Tom Maes',
    place: 'Cycling studio',
    capacity: 16,
    weekday: 2,
    hour: 19,
  },
  {
    name: 'Climbing initiation',
    sport: 'CLIMBING',
    instructor: 'Lien Vos',
    place: 'Climbing gym',
    capacity: 8,
    weekday: 3,
    hour: 17,
  },
  {
    name: 'Pilates core',
    sport: 'PILATES',
    instructor: 'Emma Segers',
    place: 'Studio 2',
    capacity: 10,
    weekday: 4,
    hour: 12,
  },
] as const;

export async function seedDemoContent(
  services: Services,
  cognito: Pick<LocalCognito, 'ensureUser'>,
  log: (line: string) => void,
): Promise<void> {
  const existing = await services.db.selectFrom('activities').select('id').limit(1).executeTakeFirst();
  if (existing) return; // seeded before: a restart keeps whatever is there now
  log('First start: adding demo activities, classes and messages…');
  // Nobody is listening yet: the seed's events are recorded, not pushed.
  // The seed is the cloud's own: it makes a campus's worth of activities, and its conversations, beyond any one person's limits.
  const unlimited = {
    activitiesPerDay: Number.MAX_SAFE_INTEGER,
    messagesPerMinute: Number.MAX_SAFE_INTEGER,
    messagesPerDay: Number.MAX_SAFE_INTEGER,
  };
  const call = caller(createHandler({ ...services, events: recordingPublisher(), rateLimits: unlimited }));
  for (const [i, campus] of (await demoCampuses(cognito)).entries()) {
    await seedCampus(call, campus);
    await seedDemoSocial(services, call, campus, i === 0);
  }
}

async function seedCampus(call: Call, { students, staff }: Campus): Promise<void> {
  const [first, second] = students;
  // Activities: hosts rotate; the README's first student hosts an open and an approval one, so their screens have content.
  for (const [i, a] of ACTIVITIES.entries()) {
    const host = i === 0 || i === 3 ? first! : students[(i * 5) % students.length]!;
    const { hour, ...rest } = a;
    const created = (await call(host, 'Mutation', 'createActivity', {
      input: { ...rest, description: describe(a.title), startsAt: at(1 + (i % 13), hour), durationMinutes: 90 },
    })) as { id: string };
    // Joiners: enough to fill some (and waitlist a few), others half full.
    const joiners = students.filter((s) => s !== host).slice(i % 4, (i % 4) + Math.min(a.capacity + (i % 3), 12));
    for (const [j, joiner] of joiners.entries()) {
      const note = a.joinPolicy === 'APPROVAL' ? 'Hi! I play regularly, would love to join.' : undefined;
      await call(joiner, 'Mutation', 'joinActivity', { activityId: created.id, note });
      if (a.joinPolicy === 'APPROVAL' && j < 2) {
        await call(host, 'Mutation', 'respondToJoinRequest', {
          activityId: created.id,
          userId: joiner,
          approve: j === 0,
        });
      }
    }
  }

  // Classes with two weeks of sessions; a few bookings in the open window.
  for (const c of CLASSES) {
    const { weekday, hour, ...input } = c;
    const created = (await call(
      staff,
      'Mutation',
      'createClass',
      { input: { ...input, description: describeClass(c.name) } },
      ['staff'],
    )) as { id: string };
    const daysAhead = (weekday - new Date().getDay() + 7) % 7 || 7;
    const sessions = (await call(
      staff,
      'Mutation',
      'scheduleSessions',
      { classId: created.id, startsAt: at(daysAhead, hour), durationMinutes: 60, repeatWeeks: 2 },
      ['staff'],
    )) as { id: string }[];
    for (const [k, student] of students.slice(2, 2 + Math.min(c.capacity, 9)).entries()) {
      await call(student, 'Mutation', 'bookSession', { sessionId: sessions[0]!.id }).catch(() => undefined);
      if (k === 0)
        await call(student, 'Mutation', 'bookSession', { sessionId: sessions[1]!.id }).catch(() => undefined);
    }
  }

  // Conversations for the README's students.
  const lines = [
    [first, second, 'Are you coming to the basketball tonight?'],
    [second, first, 'Yes! I will bring a ball.'],
    [first, second, 'Great, see you at seven.'],
    [students[3], first, 'Hi, is there still a place for the canal run?'],
    [students[4], first, 'Thanks for organising the five-a-side last week!'],
  ] as const;
  for (const [i, [from, to, text]] of lines.entries()) {
    await call(from!, 'Mutation', 'sendMessage', { recipientId: to, text, clientId: `seed-${i}` });
  }
}

const describe = (title: string) =>
  `${title}. Everyone of our university is welcome. Bring water and good shoes; we split into teams on the spot.`;
const describeClass = (name: string) =>
  `${name} with a qualified instructor of the sports centre. Mats and equipment are provided; arrive 10 minutes early.`;
