import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { book, call, createClass, idOf, must, scheduleIn, tokenOf } from './support/api';
import { brusselsInput, expectAccessible, people, signedIn, uniqueTitle } from './support/app';

/**
 * Sports-centre classes as students, staff and an administrator live them, several browsers at
 * once against the local cloud. What no person could set up in seconds (a session 45 minutes away,
 * three no-shows) is made through the real API; nothing is stubbed.
 */
const staffMember = { email: 'pieter.maes@kuleuven.be', name: 'Pieter Maes' };
const admin = { email: 'admin@kuleuven.be', name: 'Admin' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The class's sessions on the timetable, filtered down to that class. */
async function openTimetableFor(page: Page, className: string): Promise<void> {
  await page.goto('/classes');
  await expect(page.getByRole('heading', { level: 1, name: 'Classes' })).toBeVisible();
  await page.getByLabel('Class', { exact: true }).selectOption({ label: className });
}

test('staff create a class and a weekly series; a student books one and downloads its .ics', async ({ browser }) => {
  test.setTimeout(150_000);
  const name = uniqueTitle('Morning mobility');
  const staff = await signedIn(browser, staffMember, '/staff');
  await test.step('staff create the class', async () => {
    await expect(staff.page.getByRole('heading', { level: 1, name: 'Sports centre' })).toBeVisible();
    await expectAccessible(staff.page, 'the sports centre');
    await staff.page.getByRole('link', { name: 'New class' }).click();
    await expect(staff.page.getByRole('heading', { level: 1, name: 'New class' })).toBeVisible();
    await staff.page.getByLabel('Name').fill(name);
    await staff.page.getByLabel('Sport').selectOption({ label: 'Pilates' });
    await staff.page.getByLabel('Description (optional)').fill('Slow stretches to start the day.');
    await staff.page.getByLabel('Instructor').fill('Ines Jacobs');
    await staff.page.getByLabel('Place', { exact: true }).fill('Sportkot studio 3');
    await staff.page.getByLabel('Places', { exact: true }).fill('12');
    await expectAccessible(staff.page, 'the new class form');
    await staff.page.getByRole('button', { name: 'Save the class' }).click();
    await expect(staff.page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  await test.step('staff schedule it weekly for 4 weeks, seeing the dates first', async () => {
    await staff.page.getByLabel('First session starts at').fill(brusselsInput(1, '07:15'));
    await staff.page.getByLabel('Duration (minutes)').fill('45');
    await staff.page.getByLabel('Weeks', { exact: true }).fill('4');
    await expect(staff.page.getByRole('heading', { name: '4 sessions:' })).toBeVisible();
    await expect(staff.page.locator('.schedule-preview li')).toHaveCount(4);
    await expectAccessible(staff.page, 'the class with its schedule preview');
    await staff.page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(staff.page.getByText('4 sessions scheduled.')).toBeVisible();
    await expect(staff.page.locator('.staff-sessions li')).toHaveCount(4);
  });

  const emma = await signedIn(browser, people.emma);
  await test.step('a student sees the series on the timetable and books the first one', async () => {
    await openTimetableFor(emma.page, name);
    // Tomorrow in the strip.
    await emma.page.locator('.day-strip__day').nth(1).click();
    await expect(emma.page.getByRole('link', { name })).toBeVisible();
    await expectAccessible(emma.page, 'the timetable');
    await emma.page.getByRole('link', { name }).click();
    await expect(emma.page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(emma.page.getByText('Slow stretches to start the day.')).toBeVisible();
    await expectAccessible(emma.page, 'a bookable session');
    await emma.page.getByRole('button', { name: 'Book' }).click();
    await expect(emma.page.getByText("You're booked.")).toBeVisible();
    await expect(emma.page.getByRole('img', { name: /^QR code for check-in code/ })).toBeVisible();
    await expectAccessible(emma.page, 'a booked session with its check-in code');
  });

  await test.step('she downloads it as an .ics calendar file', async () => {
    const [download] = await Promise.all([
      emma.page.waitForEvent('download'),
      emma.page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`SUMMARY:${name}`);
    expect(ics).toContain('LOCATION:Sportkot studio 3');
  });

  await test.step('her bookings list it, and everything upcoming downloads as one calendar', async () => {
    await emma.page.goto('/classes/mine');
    await expect(emma.page.getByRole('heading', { level: 1, name: 'My bookings' })).toBeVisible();
    await expect(emma.page.getByRole('link', { name })).toBeVisible();
    await expectAccessible(emma.page, 'my bookings');
    const [download] = await Promise.all([
      emma.page.waitForEvent('download'),
      emma.page.getByRole('button', { name: /All my plans in one calendar file/ }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(`SUMMARY:${name}`);
  });
  await Promise.all([staff.context.close(), emma.context.close()]);
});

test('two students book the last place at once: one booked, one first in line, promoted live', async ({
  browser,
}, testInfo) => {
  const name = uniqueTitle('Last place spinning');
  const staff = await tokenOf(staffMember.email);
  const classId = await createClass(staff, name, 1);
  // A retry or a repeat books on another day: an earlier try's booking counts towards that day's limit of two.
  const day = 2 + testInfo.retry + 2 * testInfo.repeatEachIndex;
  const sessionId = await scheduleIn(staff, classId, day * DAY + 3 * 60 * MINUTE);
  const path = `/classes/sessions/${sessionId}`;
  const [louise, lucas] = await Promise.all([
    signedIn(browser, people.louise, path),
    signedIn(browser, people.lucas, path),
  ]);
  for (const student of [louise, lucas]) await expect(student.page.getByText('1 place left.')).toBeVisible();

  // Both at once, as two thumbs would: a click's actionability checks take long enough under load for
  // the first booking to reach the other page live and replace its Book button, so the button is
  // pressed in the page itself.
  await Promise.all(
    [louise, lucas].map((s) =>
      s.page.getByRole('button', { name: 'Book' }).evaluate((button: HTMLButtonElement) => button.click()),
    ),
  );
  const booked = louise.page.getByText("You're booked.");
  await expect(booked.or(louise.page.getByText("You're on the waitlist: number 1."))).toBeVisible();
  const [first, second] = (await booked.isVisible()) ? [louise, lucas] : [lucas, louise];
  await expect(first.page.getByText("You're booked.")).toBeVisible();
  await expect(second.page.getByText("You're on the waitlist: number 1.")).toBeVisible();
  await expectAccessible(second.page, 'a waitlisted session');

  await first.page.getByRole('button', { name: 'Cancel my booking' }).click();
  await expect(first.page.getByRole('button', { name: 'Book' }).or(first.page.getByText('Full.'))).toBeVisible();
  // No reload: the waiting student's page follows the session live.
  await expect(second.page.getByText("You're booked.")).toBeVisible();
  await Promise.all([louise.context.close(), lucas.context.close()]);
});

test('a late cancel is warned about and recorded; a session 8 days away cannot be booked yet', async ({ browser }) => {
  const name = uniqueTitle('Lunch yoga');
  const staff = await tokenOf(staffMember.email);
  const classId = await createClass(staff, name);
  const soon = await scheduleIn(staff, classId, 45 * MINUTE);
  const later = await scheduleIn(staff, classId, 8 * DAY);
  const noah = await signedIn(browser, people.noah, `/classes/sessions/${soon}`);

  await test.step('cancelling 45 minutes before warns, and the record shows it', async () => {
    await noah.page.getByRole('button', { name: 'Book' }).click();
    await expect(noah.page.getByText("You're booked.")).toBeVisible();
    await noah.page.getByRole('button', { name: 'Cancel my booking' }).click();
    const dialog = noah.page.getByRole('dialog', { name: 'Cancel this late?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Cancelling now is a late cancel');
    await expectAccessible(noah.page, 'the late-cancel warning');
    await dialog.getByRole('button', { name: 'Cancel anyway' }).click();
    await expect(noah.page.getByRole('button', { name: 'Book' })).toBeVisible();
    await noah.page.goto('/classes/mine');
    const record = noah.page.getByRole('region', { name: 'My record' }).or(noah.page.locator('.booking-record'));
    await expect(record.getByText(/Late cancels, last 30 days/)).toBeVisible();
    await expect(record.locator('dd').first()).not.toHaveText('0');
  });

  await test.step('a session 8 days away says when booking opens, with nothing to press', async () => {
    await noah.page.goto(`/classes/sessions/${later}`);
    await expect(noah.page.getByText(/^Booking opens on /).first()).toBeVisible();
    await expect(noah.page.getByRole('button', { name: 'Book' })).toHaveCount(0);
    await expectAccessible(noah.page, 'a session not open yet');
    const refused = await call(
      await tokenOf(people.noah.email),
      'mutation ($s: ID!) { bookSession(sessionId: $s) { status } }',
      {
        s: later,
      },
    );
    expect(refused.errors?.[0]?.errorType).toBe('Conflict');
  });
  await noah.context.close();
});

test('staff check one student in by code and mark another a no-show; the third no-show blocks booking', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const staff = await tokenOf(staffMember.email);
  const adminToken = await tokenOf(admin.email);
  const louiseToken = await tokenOf(people.louise.email);
  const emmaToken = await tokenOf(people.emma.email);
  // Three no-shows on one day need more than the default two bookings a day: the admin allows it here.
  await must(adminToken, 'mutation { updateBookingRules(input: { maxBookingsPerDay: 8 }) { maxBookingsPerDay } }');
  try {
    const name = uniqueTitle('Early circuit');
    const classId = await createClass(staff, name);
    // Starting in about a minute and a half: check-in is open now, no-shows are marked once it starts.
    const sessions = await Promise.all([0, 1, 2].map(() => scheduleIn(staff, classId, 90_000, 15)));
    for (const id of sessions) await book(louiseToken, id);
    const code = (await book(emmaToken, sessions[0]!)).checkInCode as string;

    const door = await signedIn(browser, staffMember, `/staff/sessions/${sessions[0]}`);
    await test.step('staff type Emma’s code at the door', async () => {
      await expect(door.page.getByRole('heading', { name: 'Attendees' })).toBeVisible();
      await expectAccessible(door.page, 'the attendee list');
      await door.page.getByLabel('Check-in code').fill(code.toLowerCase());
      await door.page.getByRole('button', { name: 'Check in', exact: true }).click();
      await expect(door.page.getByText(`${people.emma.name} is checked in.`)).toBeVisible();
    });

    await test.step('after the start, staff mark Louise a no-show; her other two are marked through the API', async () => {
      const started = await must(staff, 'query ($s: ID!) { classSession(id: $s) { startsAt } }', { s: sessions[0] });
      const startsAt = Date.parse((started.classSession as { startsAt: string }).startsAt);
      await door.page.waitForTimeout(Math.max(0, startsAt - Date.now()) + 2_000);
      // No reload: the page's clock offers "No-show" once the session has started.
      await door.page.getByRole('button', { name: `No-show: ${people.louise.name}` }).click();
      await expect(door.page.getByText(`${people.louise.name} is marked as a no-show.`)).toBeVisible();
      const louiseId = await idOf(louiseToken);
      for (const id of sessions.slice(1)) {
        await must(staff, 'mutation ($s: ID!, $u: ID!) { markNoShow(sessionId: $s, userId: $u) { status } }', {
          s: id,
          u: louiseId,
        });
      }
    });

    const louise = await signedIn(browser, people.louise);
    await test.step('her next booking is refused with the reason and the date the block ends', async () => {
      const next = await scheduleIn(staff, classId, 2 * DAY);
      await louise.page.goto(`/classes/sessions/${next}`);
      await louise.page.getByRole('button', { name: 'Book' }).click();
      await expect(louise.page.getByRole('alert')).toContainText(
        /You can't book until .+ because of missed sessions\./,
      );
      await louise.page.goto('/classes/mine');
      await expect(louise.page.getByText(/You can't book classes until .+: 3 sessions were missed/)).toBeVisible();
      await expectAccessible(louise.page, 'my bookings while blocked');
    });

    await test.step('staff see the block and lift it', async () => {
      await door.page.goto('/staff/blocks');
      await expectAccessible(door.page, 'the no-show blocks');
      await door.page.getByRole('button', { name: `Lift the block of ${people.louise.name}` }).click();
      await expect(door.page.getByText(`${people.louise.name} can book again.`)).toBeVisible();
    });
    await Promise.all([door.context.close(), louise.context.close()]);
  } finally {
    await must(adminToken, 'mutation { updateBookingRules(input: { maxBookingsPerDay: 2 }) { maxBookingsPerDay } }');
  }
});

test('staff cancel a session: its students are told live; other universities and students never get in', async ({
  browser,
}) => {
  const name = uniqueTitle('Evening boxing');
  const staffToken = await tokenOf(staffMember.email);
  const classId = await createClass(staffToken, name);
  const sessionId = await scheduleIn(staffToken, classId, 3 * DAY);
  await book(await tokenOf(people.lucas.email), sessionId);
  const lucas = await signedIn(browser, people.lucas, `/classes/sessions/${sessionId}`);
  await expect(lucas.page.getByText("You're booked.")).toBeVisible();

  const staff = await signedIn(browser, staffMember, `/staff/sessions/${sessionId}`);
  await test.step('staff cancel it with a reason, told first how many people will hear', async () => {
    await staff.page.getByRole('button', { name: 'Cancel the session' }).click();
    const dialog = staff.page.getByRole('dialog', { name: 'Cancel this session?' });
    await expect(dialog).toContainText('1 person will be told.');
    await dialog.getByLabel('Reason (optional, shown to them)').fill('The hall is flooded.');
    await expectAccessible(staff.page, 'the cancel-session dialog');
    await dialog.getByRole('button', { name: 'Cancel the session' }).click();
    await expect(staff.page.getByText('The session was cancelled; 1 person was told.')).toBeVisible();
  });

  await test.step('the booked student sees it live, with the reason, and in the bell', async () => {
    await expect(lucas.page.getByText('This session was cancelled: The hall is flooded.')).toBeVisible();
    await expect(lucas.page.getByRole('link', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  });

  const sarah = await signedIn(browser, people.sarah, '/classes');
  await test.step('a Ghent student never sees the class, not even by its address', async () => {
    await expect(sarah.page.getByRole('heading', { level: 1, name: 'Classes' })).toBeVisible();
    await expect(sarah.page.getByRole('option', { name })).toHaveCount(0);
    await sarah.page.goto(`/classes/sessions/${sessionId}`);
    await expect(sarah.page.getByRole('heading', { level: 1, name: 'Session not found' })).toBeVisible();
    await expectAccessible(sarah.page, 'a session of another university');
  });

  await test.step("a student opening a staff screen's address gets “not for your account”", async () => {
    await lucas.page.goto(`/staff/sessions/${sessionId}`);
    await expect(
      lucas.page.getByRole('heading', { level: 1, name: 'This page is for sports-centre staff' }),
    ).toBeVisible();
    await expect(lucas.page).toHaveTitle(/Not for your account/);
    await expectAccessible(lucas.page, 'the forbidden page');
  });
  await Promise.all([lucas.context.close(), staff.context.close(), sarah.context.close()]);
});

test('an administrator makes a student staff, who sees the staff screens after a reload; removed, they are refused', async ({
  browser,
}) => {
  const noah = await signedIn(browser, people.noah);
  await expect(noah.page.getByRole('link', { name: 'Sports centre' })).toHaveCount(0);

  const adminSession = await signedIn(browser, admin, '/admin/staff');
  await test.step('the administrator names Noah staff by email', async () => {
    await expect(adminSession.page.getByRole('heading', { level: 1, name: 'Sports-centre staff' })).toBeVisible();
    await expectAccessible(adminSession.page, 'staff membership');
    await adminSession.page.getByLabel('Email of someone at your university').fill(people.noah.email);
    await adminSession.page.getByRole('button', { name: 'Make staff' }).click();
    await expect(adminSession.page.getByText(`${people.noah.name} is now staff.`)).toBeVisible();
  });

  await test.step('Noah reloads and has the staff screens', async () => {
    await noah.page.reload();
    await expect(noah.page.getByRole('link', { name: 'Sports centre' })).toBeVisible();
    await noah.page.getByRole('link', { name: 'Sports centre' }).click();
    await expect(noah.page.getByRole('heading', { level: 1, name: 'Sports centre' })).toBeVisible();
    await expect(noah.page.getByText('Students', { exact: true })).toBeVisible();
  });

  await test.step('the administrator looks at the rules page too', async () => {
    await adminSession.page.getByRole('link', { name: 'Booking rules and no-show policy' }).click();
    await expect(adminSession.page.getByLabel('No-shows that start a block')).toHaveValue('3');
    await expectAccessible(adminSession.page, 'the booking rules');
  });

  const noahToken = await tokenOf(people.noah.email);
  await test.step('removed again, his very next staff request is refused', async () => {
    await adminSession.page.goto('/admin/staff');
    await adminSession.page.getByRole('button', { name: `Remove from staff: ${people.noah.name}` }).click();
    await expect(adminSession.page.getByText(`${people.noah.name} is no longer staff.`)).toBeVisible();
    // His token still says "staff" (issued before the removal); the server refuses all the same.
    const refused = await call(noahToken, '{ staffOverview { staffCount } }');
    expect(refused.errors?.[0]?.errorType).toBe('Forbidden');
    await noah.page.getByRole('link', { name: 'Home' }).click();
    await noah.page.goto('/staff');
    // Refused either way: by the server (his old token still says staff), or by the gateway once the
    // app has fetched tokens without the group, or by the page guard after that.
    await expect(
      noah.page
        .getByRole('alert')
        .filter({ hasText: 'The sports-centre overview could not be loaded.' })
        .or(noah.page.getByRole('heading', { name: 'This page is for sports-centre staff' })),
    ).toBeVisible();
  });
  await Promise.all([noah.context.close(), adminSession.context.close()]);
});
