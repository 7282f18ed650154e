import { expect, test } from '@playwright/test';
import {
  brusselsInput,
  expectAccessible,
  fillActivityForm,
  hostActivity,
  people,
  signedIn,
  uniqueTitle,
} from './support/app';

/**
 * Activities as students live them, several browsers at once against the local cloud: nothing is
 * stubbed, and every change another person makes must reach the open pages without a reload.
 */
test('an approval-only activity: request, live approval, waitlist and live promotion', async ({ browser }) => {
  const title = uniqueTitle('Approval futsal');
  const host = await signedIn(browser, people.emma);
  let activityPath = '';

  await test.step('Emma hosts an approval-only activity for 3, herself included', async () => {
    activityPath = await hostActivity(host.page, {
      sport: 'Football',
      title,
      place: 'Sportkot hall 2',
      startsAt: brusselsInput(2, '19:30'),
      capacity: 3,
      approval: true,
      description: 'Five-a-side, bring indoor shoes.',
    });
    await expect(host.page.getByText("You're hosting this activity.")).toBeVisible();
    await expectAccessible(host.page, 'the host’s activity page');
  });

  await test.step('Louise asks and is approved: two of three places are taken', async () => {
    const louise = await signedIn(browser, people.louise, activityPath);
    await louise.page.getByRole('button', { name: 'Ask to join' }).click();
    await louise.page.getByRole('button', { name: 'Send request' }).click();
    await expect(louise.page.getByText('Your request is waiting for the host.')).toBeVisible();
    await host.page.getByRole('button', { name: `Approve ${people.louise.name}` }).click();
    await expect(louise.page.getByText("You're going.")).toBeVisible();
    await louise.context.close();
  });

  const lucas = await signedIn(browser, people.lucas, activityPath);
  await test.step('Lucas asks to join with a note; Emma sees it arrive live and approves', async () => {
    await expect(lucas.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await lucas.page.getByRole('button', { name: 'Ask to join' }).click();
    await lucas.page.getByLabel('Note to the host (optional)').fill('I can bring a ball!');
    await expectAccessible(lucas.page, 'the request form');
    await lucas.page.getByRole('button', { name: 'Send request' }).click();
    await expect(lucas.page.getByText('Your request is waiting for the host.')).toBeVisible();

    // Emma's page and bell change without a reload.
    await expect(host.page.getByText('I can bring a ball!').first()).toBeVisible();
    await expect(host.page.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
    await host.page.getByRole('button', { name: `Approve ${people.lucas.name}` }).click();
    await expect(lucas.page.getByText("You're going.")).toBeVisible();
    await expectAccessible(host.page, 'the host’s page with participants');
  });

  const noah = await signedIn(browser, people.noah, activityPath);
  await test.step('Noah asks too; approved while full, he is waitlisted', async () => {
    await noah.page.getByRole('button', { name: 'Ask to join' }).click();
    await noah.page.getByRole('button', { name: 'Send request' }).click();
    await expect(noah.page.getByText('Your request is waiting for the host.')).toBeVisible();
    await host.page.getByRole('button', { name: `Approve ${people.noah.name}` }).click();
    await expect(noah.page.getByText("You're on the waitlist: number 1.")).toBeVisible();
    await expectAccessible(noah.page, 'the waitlisted page');
  });

  await test.step('Lucas leaves; Noah is promoted and told live', async () => {
    await lucas.page.getByRole('button', { name: 'Leave' }).click();
    await expect(lucas.page.getByRole('button', { name: 'Ask to join' })).toBeVisible();
    await expect(noah.page.getByText("You're going.")).toBeVisible();
    const bell = noah.page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(noah.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(
      noah.page.getByRole('main').getByText(`A place opened up: you're now going to “${title}”`),
    ).toBeVisible();
    await expectAccessible(noah.page, 'the notifications page');
  });

  await Promise.all([host.context.close(), lucas.context.close(), noah.context.close()]);
});

test('a volleyball filter finds it, survives a reload, and another university never sees it', async ({ browser }) => {
  const title = uniqueTitle('Filter volleyball');
  const emma = await signedIn(browser, people.emma);
  const activityPath = await hostActivity(emma.page, {
    sport: 'Volleyball',
    title,
    place: 'Beach court, Heverlee',
    startsAt: brusselsInput(3, '17:00'),
    capacity: 8,
  });
  await emma.context.close();

  const lucas = await signedIn(browser, people.lucas, '/activities');
  await test.step('Lucas filters by volleyball and finds it', async () => {
    await expect(lucas.page.getByRole('heading', { level: 1, name: 'Find activities' })).toBeVisible();
    // The filters live in a sheet behind "Filters (n)"; the popular sports are chips above the list too.
    await lucas.page.getByRole('button', { name: 'Filters', exact: true }).click();
    const sheet = lucas.page.getByRole('dialog', { name: 'Filter activities' });
    await sheet.getByLabel('Sport').selectOption({ label: 'Volleyball' });
    await expect(lucas.page).toHaveURL(/[?&]sport=VOLLEYBALL/);
    await sheet.getByLabel('Search').fill(title);
    await expectAccessible(lucas.page, 'the filters sheet');
    await sheet.getByRole('button', { name: 'Show activities' }).click();
    await expect(sheet).toBeHidden();
    await expect(lucas.page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
    await expect(lucas.page.getByRole('button', { name: 'Volleyball', pressed: true })).toBeVisible();
    await expect(lucas.page.getByRole('link', { name: title })).toBeVisible();
    await expectAccessible(lucas.page, 'the filtered activity list');
  });

  await test.step('the filter is still applied after a reload', async () => {
    await lucas.page.reload();
    await expect(lucas.page.getByRole('link', { name: title })).toBeVisible();
    await lucas.page.getByRole('button', { name: 'Filters (2)' }).click();
    await expect(lucas.page.getByLabel('Sport')).toHaveValue('VOLLEYBALL');
    await expect(lucas.page.getByLabel('Search')).toHaveValue(title);
  });

  await test.step('an empty result offers to host one', async () => {
    await lucas.page.getByLabel('Search').fill(`${title} nothing like this`);
    await lucas.page.keyboard.press('Escape');
    await expect(lucas.page.getByRole('link', { name: 'Host an activity' }).last()).toBeVisible();
    await expect(lucas.page.getByText(/No volleyball activities/i)).toBeVisible();
    await expectAccessible(lucas.page, 'the empty activity list');
  });
  await lucas.context.close();

  const sarah = await signedIn(browser, people.sarah, '/activities?sport=VOLLEYBALL');
  await test.step('a Ghent student never sees it, not even by its address', async () => {
    await expect(sarah.page.getByRole('heading', { level: 1, name: 'Find activities' })).toBeVisible();
    await expect(sarah.page.getByRole('link', { name: title })).toHaveCount(0);
    await sarah.page.goto(activityPath);
    await expect(sarah.page.getByRole('heading', { level: 1, name: 'Activity not found' })).toBeVisible();
    await expect(sarah.page.getByText(title)).toHaveCount(0);
    await expectAccessible(sarah.page, 'the not-found activity page');
  });
  await sarah.context.close();
});

test('a start time in the past is refused next to the field, and nothing typed is lost', async ({ browser }) => {
  const emma = await signedIn(browser, people.emma, '/activities/new');
  const activity = {
    sport: 'Tennis',
    title: uniqueTitle('Yesterday tennis'),
    place: 'Tennis club Heverlee',
    startsAt: brusselsInput(-1, '10:00'),
    capacity: 4,
    description: 'Doubles, all levels.',
  };
  await expect(emma.page.getByRole('heading', { level: 1, name: 'Host an activity' })).toBeVisible();
  await fillActivityForm(emma.page, activity);
  await emma.page.getByRole('button', { name: 'Create activity' }).click();

  const startsAt = emma.page.getByLabel('Starts at');
  await expect(startsAt).toHaveAttribute('aria-invalid', 'true');
  await expect(startsAt).toHaveAccessibleDescription(/The start time must be at least 5 minutes from now\./);
  await expect(emma.page).toHaveURL(/\/activities\/new$/);

  await expect(emma.page.getByLabel('Sport')).toHaveValue('TENNIS');
  await expect(emma.page.getByLabel('Title', { exact: true })).toHaveValue(activity.title);
  await expect(emma.page.getByLabel('Description (optional)')).toHaveValue(activity.description);
  await expect(emma.page.getByLabel('Place', { exact: true })).toHaveValue(activity.place);
  await expect(startsAt).toHaveValue(activity.startsAt);
  await expect(emma.page.getByLabel('Places, you included')).toHaveValue('4');
  await expectAccessible(emma.page, 'the host form with an error');

  await test.step('corrected, it is created', async () => {
    await startsAt.fill(brusselsInput(1, '10:00'));
    await emma.page.getByRole('button', { name: 'Create activity' }).click();
    await expect(emma.page.getByRole('heading', { level: 1, name: activity.title })).toBeVisible();
  });
  await emma.context.close();
});

test('Dutch and French translate the screens, and the choice survives a reload', async ({ browser }) => {
  const emma = await signedIn(browser, people.emma, '/activities');
  const { page } = emma;
  await expect(page.getByRole('heading', { level: 1, name: 'Find activities' })).toBeVisible();

  await test.step('Nederlands', async () => {
    await page.getByLabel('Language').selectOption('nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten zoeken' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mijn activiteiten' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten zoeken' })).toBeVisible();
    await expectAccessible(page, 'the Dutch activity list');
  });

  await test.step('Français, also on the sign-in page after signing out', async () => {
    await page.getByLabel('Taal').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Trouver des activités' })).toBeVisible();
    await page.getByRole('link', { name: 'Mes activités' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes activités' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes activités' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('button', { name: 'Se connecter', exact: true })).toBeVisible();
    await expectAccessible(page, 'the French sign-in page');
  });
  await emma.context.close();
});
