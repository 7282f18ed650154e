import { expect, test } from '@playwright/test';
import { brusselsInput, expectAccessible, hostActivity, people, signedIn, uniqueTitle } from './support/app';
import {
  chatLog,
  messageIn,
  messagesNav,
  messageTexts,
  openChatFromList,
  sendMessage,
  uniqueText,
  untilAppWorksOffline,
} from './support/messages';

/**
 * Private messages between two browsers at once, against the local cloud with nothing stubbed:
 * live delivery, read receipts, the outbox offline and across a reload, history paging, blocking,
 * and tenancy. Every page is checked with axe on the way.
 */

test('from a host’s page to a live conversation: badge and list update, the reply arrives, “Seen” follows', async ({
  browser,
}) => {
  const title = uniqueTitle('Chat run');
  const question = uniqueText('Is there still room for a beginner?');
  const answer = uniqueText('Yes, of course! We go at an easy pace.');
  const noah = await signedIn(browser, people.noah);
  const activityPath = await hostActivity(noah.page, {
    sport: 'Running',
    title,
    place: 'Arenberg park',
    startsAt: brusselsInput(2, '18:00'),
    capacity: 8,
  });
  await noah.page.goto('/messages');
  await expect(noah.page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await expectAccessible(noah.page, 'the conversation list');

  const louise = await signedIn(browser, people.louise, activityPath);
  await test.step('Louise opens the host’s page from the activity and writes to him', async () => {
    await louise.page.getByText('Hosted by').getByRole('link', { name: people.noah.name }).click();
    await expect(louise.page.getByRole('heading', { level: 1, name: people.noah.name })).toBeVisible();
    await expect(louise.page.getByRole('link', { name: title })).toBeVisible(); // what he hosts
    await expectAccessible(louise.page, 'a person’s page');
    await louise.page.getByRole('link', { name: `Send ${people.noah.name} a message` }).click();
    await expect(chatLog(louise.page, people.noah.name)).toBeVisible();
    await expectAccessible(louise.page, 'a chat');
    await sendMessage(louise.page, people.noah.name, question);
    await expect(messageIn(louise.page, people.noah.name, question)).toContainText('Sent');
  });

  await test.step('Noah’s badge and list show it live', async () => {
    await expect(messagesNav(noah.page)).toHaveAccessibleName(/^Messages \(\d+ unread\)/);
    const row = noah.page.getByRole('link', { name: new RegExp(`^${people.louise.name}`) });
    await expect(row).toContainText(question);
    await expect(row).toContainText(/\d+ unread message/);
    await expect(noah.page.locator('.conversations li').first()).toContainText(people.louise.name);
  });

  await test.step('Noah opens the chat: Louise sees “Seen”; his reply reaches her live', async () => {
    await noah.page.getByRole('link', { name: new RegExp(`^${people.louise.name}`) }).click();
    await expect(messageIn(noah.page, people.louise.name, question)).toBeVisible();
    await expect(messagesNav(noah.page)).toHaveAccessibleName('Messages');
    await expect(messageIn(louise.page, people.noah.name, question)).toContainText('Seen');
    await sendMessage(noah.page, people.louise.name, answer);
    await expect(messageIn(louise.page, people.noah.name, answer)).toBeVisible();
    await expect(messageIn(louise.page, people.noah.name, question)).toContainText('Seen');
    await expectAccessible(noah.page, 'a chat with a reply');
  });

  await Promise.all([noah.context.close(), louise.context.close()]);
});

test('offline: messages wait in the outbox across a reload, then both chats hold all three once, in order', async ({
  browser,
}) => {
  const [first, second, meanwhile] = ['Running late', 'Save me a spot!', 'Where are you?'].map(uniqueText) as [
    string,
    string,
    string,
  ];
  const emma = await signedIn(browser, people.emma);
  const lucas = await signedIn(browser, people.lucas);
  await openChatFromList(emma.page, people.lucas.name);
  await openChatFromList(lucas.page, people.emma.name);
  await untilAppWorksOffline(emma.page);

  await test.step('Emma writes two messages offline: they wait, marked as sending', async () => {
    await emma.context.setOffline(true);
    await expect(emma.page.getByText("You're offline.")).toBeVisible();
    await sendMessage(emma.page, people.lucas.name, first);
    await sendMessage(emma.page, people.lucas.name, second);
    await expect(messageIn(emma.page, people.lucas.name, first)).toContainText('Sending…');
    await expect(messageIn(emma.page, people.lucas.name, second)).toContainText('Sending…');
    await expectAccessible(emma.page, 'a chat offline with messages waiting');
  });

  await test.step('a reload while still offline keeps them', async () => {
    await emma.page.reload();
    await expect(messageIn(emma.page, people.lucas.name, first)).toContainText('Sending…');
    await expect(messageIn(emma.page, people.lucas.name, second)).toContainText('Sending…');
  });

  await test.step('Lucas writes meanwhile; Emma comes back: all three, once each, in both chats', async () => {
    await sendMessage(lucas.page, people.emma.name, meanwhile);
    await emma.context.setOffline(false);
    for (const [page, other] of [
      [emma.page, people.lucas.name],
      [lucas.page, people.emma.name],
    ] as const) {
      await expect(messageIn(page, other, second)).toBeVisible({ timeout: 30_000 });
      await expect
        .poll(async () => {
          const texts = await messageTexts(page, other);
          return [first, second, meanwhile].map((text) => texts.filter((t) => t === text).length);
        })
        .toEqual([1, 1, 1]);
      const texts = await messageTexts(page, other);
      expect(texts.indexOf(first)).toBeLessThan(texts.indexOf(second));
    }
    await expect(messageIn(emma.page, people.lucas.name, second)).not.toContainText('Sending…');
  });

  await Promise.all([emma.context.close(), lucas.context.close()]);
});

test('150 messages of history: scrolling up loads them all, in order, and the message being read never jumps', async ({
  browser,
}) => {
  const jules = 'Jules Vermeulen';
  const emma = await signedIn(browser, people.emma);
  await openChatFromList(emma.page, jules);
  const log = chatLog(emma.page, jules);
  await expect(log.getByText(/^150\. /)).toBeVisible();

  let loaded = await log.locator('li[data-key]').count();
  while (loaded < 150) {
    // Scroll to the top, and note where the message now at the top of the view sits.
    const before = await log.evaluate((element) => {
      element.scrollTop = 0;
      const top = element.querySelector<HTMLElement>('li[data-key]')!;
      return { key: top.dataset.key!, y: top.getBoundingClientRect().top };
    });
    await expect.poll(() => log.locator('li[data-key]').count()).toBeGreaterThan(loaded);
    loaded = await log.locator('li[data-key]').count();
    const after = await log
      .locator(`li[data-key="${before.key}"]`)
      .evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(after - before.y), `message ${before.key} stays in place`).toBeLessThanOrEqual(1);
  }

  const numbers = (await messageTexts(emma.page, jules))
    .map((text) => /^(\d+)\. /.exec(text)?.[1])
    .filter(Boolean)
    .map(Number);
  expect(numbers).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  await expect(emma.page.getByText(`This is the start of your conversation with ${jules}.`)).toBeVisible();
  await expectAccessible(emma.page, 'a long chat with its day separators');
  await emma.context.close();
});

test('blocking: the blocked person is told their message was refused; nothing reaches the blocker; unblocking restores it', async ({
  browser,
}) => {
  const [hello, refused, again] = ['Hi Olivia!', 'Are you ignoring me?', 'Thanks for unblocking'].map(uniqueText) as [
    string,
    string,
    string,
  ];
  const arthur = await signedIn(browser, people.arthur);
  const olivia = await signedIn(browser, people.olivia);

  await test.step('Arthur writes to Olivia; she sees it and blocks him from the chat', async () => {
    const oliviaId = await ownPersonId(olivia.page);
    await arthur.page.goto(`/messages/${oliviaId}`);
    await sendMessage(arthur.page, people.olivia.name, hello);
    await expect(messageIn(arthur.page, people.olivia.name, hello)).toContainText('Sent');
    await openChatFromList(olivia.page, people.arthur.name);
    await expect(messageIn(olivia.page, people.arthur.name, hello)).toBeVisible();
    olivia.page.once('dialog', (dialog) => void dialog.accept());
    await olivia.page.getByRole('button', { name: 'Block' }).click();
    await expect(olivia.page.getByText(`You blocked ${people.arthur.name}.`)).toBeVisible();
    await expect(olivia.page.getByRole('textbox', { name: `Message to ${people.arthur.name}` })).toHaveCount(0);
    await expectAccessible(olivia.page, 'a chat with a blocked person');
  });

  await test.step('Arthur’s next message is refused with a sentence that says why; Olivia never gets it', async () => {
    await sendMessage(arthur.page, people.olivia.name, refused);
    const message = messageIn(arthur.page, people.olivia.name, refused);
    await expect(message).toContainText('Not sent');
    await expect(message).toContainText('This person is not accepting messages from you.');
    await expect(message.getByRole('button', { name: /^Retry sending/ })).toBeVisible();
    await expectAccessible(arthur.page, 'a chat with a refused message');
    await olivia.page.goto('/messages');
    const row = olivia.page.getByRole('link', { name: new RegExp(`^${people.arthur.name}`) });
    await expect(row).toContainText('Blocked');
    await expect(row).toContainText(hello);
    await row.click();
    await expect(messageIn(olivia.page, people.arthur.name, hello)).toBeVisible();
    await expect(messageIn(olivia.page, people.arthur.name, refused)).toHaveCount(0);
  });

  await test.step('Olivia unblocks him on his page; his retry and his next message reach her live', async () => {
    await olivia.page.getByRole('link', { name: people.arthur.name, exact: true }).click();
    await expect(olivia.page.getByRole('heading', { level: 1, name: people.arthur.name })).toBeVisible();
    await olivia.page.getByRole('button', { name: 'Unblock' }).click();
    await expect(olivia.page.getByRole('button', { name: 'Block' })).toBeVisible();
    await olivia.page.getByRole('link', { name: `Send ${people.arthur.name} a message` }).click();
    await expect(chatLog(olivia.page, people.arthur.name)).toBeVisible();

    await arthur.page.getByRole('button', { name: /^Retry sending/ }).click();
    await expect(messageIn(arthur.page, people.olivia.name, refused)).toContainText(/Sent|Seen/);
    await sendMessage(arthur.page, people.olivia.name, again);
    await expect(messageIn(olivia.page, people.arthur.name, refused)).toBeVisible();
    await expect(messageIn(olivia.page, people.arthur.name, again)).toBeVisible();
  });

  await Promise.all([arthur.context.close(), olivia.context.close()]);
});

test('a student of another university gets “not found” for a KU Leuven student’s page and chat', async ({
  browser,
}) => {
  const lucas = await signedIn(browser, people.lucas, '/account');
  await lucas.page.getByRole('link', { name: 'See your page as others see it' }).click();
  await expect(lucas.page.getByRole('heading', { level: 1, name: people.lucas.name })).toBeVisible();
  await expectAccessible(lucas.page, 'one’s own page');
  const lucasId = new URL(lucas.page.url()).pathname.split('/').at(-1)!;
  await lucas.page.goto('/account');
  await expect(lucas.page.getByLabel('About you (optional)')).toBeVisible();
  await expectAccessible(lucas.page, 'the account page with the profile form');
  await lucas.context.close();

  const sarah = await signedIn(browser, people.sarah);
  for (const path of [`/people/${lucasId}`, `/messages/${lucasId}`]) {
    await sarah.page.goto(path);
    await expect(sarah.page.getByRole('heading', { level: 1, name: 'Person not found' })).toBeVisible();
    await expect(sarah.page.getByText(people.lucas.name)).toHaveCount(0);
    await expectAccessible(sarah.page, `${path} for another university`);
  }
  await sarah.context.close();

  // A Ghent student nobody has written to yet: the empty list says how to start.
  const nina = await signedIn(browser, people.nina, '/messages');
  await expect(nina.page.getByText('No conversations yet.')).toBeVisible();
  await expectAccessible(nina.page, 'an empty conversation list');
  await nina.context.close();
});

/** Someone's person id, as they find it on their own page (account → "See your page"). */
async function ownPersonId(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/account');
  await page.getByRole('link', { name: 'See your page as others see it' }).click();
  await expect(page).toHaveURL(/\/people\//);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}
