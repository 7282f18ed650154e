import type { LocalCognito } from './cognito/index.js';
import type { Campus } from './demoContent.js';
import { DEMO_PASSWORD, demoAccounts } from './seed.js';

/**
 * Demo people beyond the accounts listed in the README: enough students per university that
 * lists, waitlists and conversations look like a living campus. They sign in with DEMO_PASSWORD too.
 */
export interface DemoPerson {
  email: string;
  name: string;
  groups?: string[];
}

const FIRST = [
  'Noah',
  'Louise',
  'Arthur',
  'Olivia',
  'Jules',
  'Mila',
  'Victor',
  'Elise',
  'Lucas',
  'Nina',
  'Finn',
  'Julie',
  'Adam',
  'Marie',
  'Milan',
  'Lotte',
];
const LAST = [
  'Claes',
  'Wouters',
  'Goossens',
  'Willems',
  'Mertens',
  'Dubois',
  'Lambert',
  'Martens',
  'Hermans',
  'Jacobs',
  'Leclercq',
  'Michiels',
  'Vermeulen',
  'Dupont',
  'Pauwels',
  'Smets',
];

function students(domain: string, count: number, offset: number): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[(i + offset) % FIRST.length]!;
    const last = LAST[(i * 3 + offset) % LAST.length]!;
    return { email: `${first}.${last}.${i + 1}@${domain}`.toLowerCase(), name: `${first} ${last}` };
  });
}

/** Students per university id (the README's demo students come on top), plus staff where none is listed. */
export const demoPeople: Record<string, DemoPerson[]> = {
  kuleuven: students('student.kuleuven.be', 13, 0),
  ugent: [...students('ugent.be', 14, 5), { email: 'sportcentrum@ugent.be', name: 'Hanne Peeters', groups: ['staff'] }],
  ulb: [...students('ulb.be', 15, 9), { email: 'sports@ulb.be', name: 'Camille Renard', groups: ['staff'] }],
};

/** The seeded students and staff of each university, as Cognito users with profiles. */
export async function demoCampuses(cognito: Pick<LocalCognito, 'ensureUser'>): Promise<Campus[]> {
  const subOf = async (email: string, name: string, groups: string[] = []) =>
    cognito.ensureUser({ email, name, groups, password: DEMO_PASSWORD });
  const readme = async (email: string) => {
    const account = demoAccounts.find((a) => a.email === email)!;
    return subOf(account.email, account.name, account.groups);
  };
  const campuses: Campus[] = [];
  for (const [universityId, people] of Object.entries(demoPeople)) {
    const students: string[] = [];
    let staff = '';
    if (universityId === 'kuleuven') {
      students.push(
        await readme('emma.peeters@student.kuleuven.be'),
        await readme('lucas.janssens@student.kuleuven.be'),
      );
      staff = await readme('pieter.maes@kuleuven.be');
    }
    if (universityId === 'ugent') students.push(await readme('sarah.desmet@ugent.be'));
    for (const person of people) {
      const sub = await subOf(person.email, person.name, person.groups);
      if (person.groups?.includes('staff')) staff = sub;
      else students.push(sub);
    }
    campuses.push({ universityId, students, staff });
  }
  return campuses;
}
