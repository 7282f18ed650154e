import { createUser, must, signIn, type BenchUser } from './clients.js';
import type { CloudInfo } from './cloudProcess.js';
import type { World } from './workload.js';

const SPORTS = ['RUNNING', 'BASKETBALL', 'FOOTBALL', 'VOLLEYBALL', 'TENNIS', 'YOGA', 'CYCLING', 'CLIMBING'];
const TITLES = [
  'Evening run in the park',
  'Pickup basketball match',
  'Five-a-side on the court',
  'Beach volleyball training',
];
const PASSWORD = 'Bench-pass-1';

/** Users, activities and class sessions for the workload, made through the API itself. */
export async function buildWorld(info: CloudInfo, userCount: number): Promise<World> {
  const run = Date.now().toString(36);
  const users: BenchUser[] = [];
  for (let start = 0; start < userCount; start += 10) {
    const batch = Array.from({ length: Math.min(10, userCount - start) }, (_, i) =>
      createUser(info, `bench.${run}.${start + i}@student.kuleuven.be`, PASSWORD),
    );
    users.push(...(await Promise.all(batch)));
  }

  const activityIds: string[] = [];
  for (let i = 0; i < 40; i++) {
    const startsAt = new Date(Date.now() + (i + 2) * 3_600_000 * 5).toISOString();
    const data = await must(
      info,
      users[i % users.length]!.token,
      `mutation ($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
      {
        input: {
          sport: SPORTS[i % SPORTS.length],
          title: `${TITLES[i % TITLES.length]} #${i}`,
          description: 'Friendly level, bring water. We meet at the entrance of the park.',
          place: i % 2 ? 'Sportoase, Leuven' : 'Heverlee park',
          startsAt,
          durationMinutes: 90,
          capacity: 12,
          skillLevel: 'ANY',
          joinPolicy: 'OPEN',
        },
      },
    );
    activityIds.push((data.createActivity as { id: string }).id);
  }

  const staff = await signIn(info, 'pieter.maes@kuleuven.be', 'Huddle-demo-2026');
  const created = await must(
    info,
    staff,
    `mutation ($input: CreateClassInput!) { createClass(input: $input) { id } }`,
    {
      input: {
        name: 'Bench spinning',
        description: 'Load test class',
        sport: 'SPINNING',
        instructor: 'Bench',
        place: 'Gym hall',
        capacity: 500,
      },
    },
  );
  const classId = (created.createClass as { id: string }).id;
  const sessionIds: string[] = [];
  for (let day = 1; day <= 6; day++) {
    const startsAt = new Date(Date.now() + day * 86_400_000).toISOString();
    const data = await must(
      info,
      staff,
      `mutation ($classId: ID!, $startsAt: AWSDateTime!) { scheduleSessions(classId: $classId, startsAt: $startsAt, durationMinutes: 60, repeatWeeks: 1) { id } }`,
      { classId, startsAt },
    );
    sessionIds.push(...(data.scheduleSessions as { id: string }[]).map((s) => s.id));
  }
  return { info, users, activityIds, sessionIds };
}
