/**
 * The local cloud's demo accounts (made at every start when missing). The universities they belong
 * to come with the migrations (0003_launch_universities), as in AWS.
 */

export const DEMO_PASSWORD = 'Huddle-demo-2026';

export interface DemoAccount {
  email: string;
  name: string;
  groups: string[];
  role: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'emma.peeters@student.kuleuven.be', name: 'Emma Peeters', groups: [], role: 'student, KU Leuven' },
  { email: 'lucas.janssens@student.kuleuven.be', name: 'Lucas Janssens', groups: [], role: 'student, KU Leuven' },
  { email: 'sarah.desmet@ugent.be', name: 'Sarah De Smet', groups: [], role: 'student, Ghent University' },
  { email: 'pieter.maes@kuleuven.be', name: 'Pieter Maes', groups: ['staff'], role: 'sports-centre staff, KU Leuven' },
  { email: 'admin@kuleuven.be', name: 'Huddle Admin', groups: ['admin'], role: 'administrator' },
];
