import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInWithForm } from './cloud';

/** Demo students from the seed (README and backend/local/demoPeople.ts): KU Leuven, and one at Ghent. */
export const people = {
  emma: { email: 'emma.peeters@student.kuleuven.be', name: 'Emma Peeters' },
  lucas: { email: 'lucas.janssens@student.kuleuven.be', name: 'Lucas Janssens' },
  noah: { email: 'noah.claes.1@student.kuleuven.be', name: 'Noah Claes' },
  louise: { email: 'louise.willems.2@student.kuleuven.be', name: 'Louise Willems' },
  arthur: { email: 'arthur.lambert.3@student.kuleuven.be', name: 'Arthur Lambert' },
  olivia: { email: 'olivia.jacobs.4@student.kuleuven.be', name: 'Olivia Jacobs' },
  sarah: { email: 'sarah.desmet@ugent.be', name: 'Sarah De Smet' },
  nina: { email: 'nina.wouters.5@ugent.be', name: 'Nina Wouters' },
} as const;
/** Anyone a journey signs in as: the demo people above, staff, an administrator. */
export interface Person {
  email: string;
  name: string;
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

const missingMessages = new WeakMap<Page, string[]>();

/**
 * Every message key the page asked for but its areas did not hold (vue-i18n warns in the dev
 * build): a page showing a raw key fails the journey at its next accessibility check.
 */
function watchForMissingMessages(page: Page): void {
  const missing: string[] = [];
  missingMessages.set(page, missing);
  page.on('console', (message) => {
    if (/Not found '.+' key/.test(message.text())) missing.push(message.text());
  });
}

/** A browser of its own (separate cookies and storage), signed in through the real form. */
export async function signedIn(browser: Browser, person: Person, path = '/'): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchForMissingMessages(page);
  await page.goto(path);
  await signInWithForm(page, person.email, DEMO_PASSWORD);
  // Signed in: the header's Sign out on a wide screen (the account page has sign-out buttons of its
  // own), the tab bar on a phone, where sign-out lives on Me.
  const headerSignOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  await expect(headerSignOut.or(page.getByRole('navigation', { name: 'Tabs' }))).toBeVisible();
  return { context, page };
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect(serious, `axe on ${what}`).toEqual([]);
  expect(missingMessages.get(page) ?? [], `missing messages on ${what}`).toEqual([]);
}

/** The wall-clock date `days` from today in Brussels, and a time, as a datetime-local input wants. */
export function brusselsInput(days: number, time: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return `${date}T${time}`;
}

export const uniqueTitle = (base: string) => `${base} ${Date.now().toString(36).slice(-5)}`;

export interface NewActivity {
  sport: string;
  title: string;
  place: string;
  startsAt: string;
  capacity: number;
  approval?: boolean;
  description?: string;
}

/** Fills the host form as a person would; the caller submits or not. */
export async function fillActivityForm(page: Page, activity: NewActivity): Promise<void> {
  await page.getByLabel('Sport').selectOption({ label: activity.sport });
  await page.getByLabel('Title', { exact: true }).fill(activity.title);
  if (activity.description) await page.getByLabel('Description (optional)').fill(activity.description);
  await page.getByLabel('Place', { exact: true }).fill(activity.place);
  await page.getByLabel('Starts at').fill(activity.startsAt);
  await page.getByLabel('Places, you included').fill(String(activity.capacity));
  await page
    .getByRole('radio', { name: activity.approval ? 'I approve each request' : 'Anyone can join at once' })
    .check();
}

/** Hosts an activity through the form and returns its page's path. */
export async function hostActivity(page: Page, activity: NewActivity): Promise<string> {
  await page.goto('/activities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Host an activity' })).toBeVisible();
  await fillActivityForm(page, activity);
  await page.getByRole('button', { name: 'Create activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: activity.title })).toBeVisible();
  return new URL(page.url()).pathname;
}
