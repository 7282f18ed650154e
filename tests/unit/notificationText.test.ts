import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationType } from '@/api/notifications';
import { setLocale } from '@/i18n';
import { describeNotification } from '@/notifications/text';
import { makeNotification } from './activityFixtures';

const TZ = 'Europe/Brussels';
const TITLE = 'Beach volleyball at the Sportkot';
const CLASS = { className: 'Yoga flow', startsAt: '2026-11-28T17:00:00.000Z', durationMinutes: 60 };

const sentenceOf = (overrides: Parameters<typeof makeNotification>[0]) =>
  describeNotification(makeNotification(overrides), TZ).sentence;

afterEach(() => setLocale('en'));

describe('describeNotification in English', () => {
  const cases: [NotificationType, Record<string, unknown>, string][] = [
    ['JOIN_REQUEST_RECEIVED', { title: TITLE }, `Hanne Host asked to join “${TITLE}”`],
    ['JOIN_REQUEST_APPROVED', { title: TITLE }, `Hanne Host approved your request to join “${TITLE}”`],
    ['JOIN_REQUEST_DECLINED', { title: TITLE }, `Your request to join “${TITLE}” was declined`],
    ['ACTIVITY_WAITLIST_PROMOTED', { title: TITLE }, `A place opened up: you're now going to “${TITLE}”`],
    ['ACTIVITY_CHANGED', { title: TITLE }, `“${TITLE}” has changed`],
    ['ACTIVITY_CANCELLED', { title: TITLE }, `“${TITLE}” was cancelled`],
    ['PARTICIPANT_REMOVED', { title: TITLE }, `You were removed from “${TITLE}”`],
    ['SESSION_CHANGED', CLASS, 'The class “Yoga flow” on Sat 28 Nov, 18:00 has changed'],
    ['SESSION_CANCELLED', CLASS, 'The class “Yoga flow” on Sat 28 Nov, 18:00 was cancelled'],
    ['BOOKING_PROMOTED', CLASS, "A place opened up: you're booked for the class “Yoga flow” on Sat 28 Nov, 18:00"],
    ['NEW_MESSAGE', {}, 'Hanne Host sent you a message'],
  ];
  it.each(cases)('%s reads as a sentence with its details', (type, data, expected) => {
    expect(sentenceOf({ type, data })).toBe(expected);
  });

  it('adds the note of a join request', () => {
    expect(sentenceOf({ type: 'JOIN_REQUEST_RECEIVED', data: { title: TITLE, note: 'I bring a ball' } })).toBe(
      `Hanne Host asked to join “${TITLE}”: “I bring a ball”`,
    );
  });

  it('says when an approval puts you on the waitlist, with the position when known', () => {
    const data = { title: TITLE, waitlisted: true, position: 2 };
    expect(sentenceOf({ type: 'JOIN_REQUEST_APPROVED', data })).toBe(
      `Hanne Host approved your request to join “${TITLE}”; you're on the waitlist, number 2`,
    );
    expect(sentenceOf({ type: 'JOIN_REQUEST_APPROVED', data: { ...data, position: null } })).toBe(
      `Hanne Host approved your request to join “${TITLE}”; you're on the waitlist`,
    );
    expect(
      sentenceOf({ type: 'JOIN_REQUEST_APPROVED', data: { title: TITLE, waitlisted: false, position: null } }),
    ).toBe(`Hanne Host approved your request to join “${TITLE}”`);
  });

  it('lists what changed, naming the new place', () => {
    const data = { title: TITLE, changes: ['place', 'startsAt', 'colour'], place: 'De Nayer hall' };
    expect(sentenceOf({ type: 'ACTIVITY_CHANGED', data })).toBe(
      `“${TITLE}” has changed: new time, new place De Nayer hall`,
    );
  });

  it('falls back to whole sentences when data or the actor are missing', () => {
    const bare = { data: {}, actor: null };
    expect(sentenceOf({ ...bare, type: 'JOIN_REQUEST_RECEIVED' })).toBe('Someone asked to join your activity');
    expect(sentenceOf({ ...bare, type: 'JOIN_REQUEST_APPROVED' })).toBe(
      'Someone approved your request to join an activity',
    );
    expect(sentenceOf({ ...bare, type: 'JOIN_REQUEST_DECLINED' })).toBe(
      'Your request to join an activity was declined',
    );
    expect(sentenceOf({ ...bare, type: 'ACTIVITY_WAITLIST_PROMOTED' })).toContain('A place opened up');
    expect(sentenceOf({ ...bare, type: 'ACTIVITY_CHANGED' })).toBe('An activity you joined has changed');
    expect(sentenceOf({ ...bare, type: 'ACTIVITY_CANCELLED' })).toBe('An activity you were part of was cancelled');
    expect(sentenceOf({ ...bare, type: 'PARTICIPANT_REMOVED' })).toBe('You were removed from an activity');
    expect(sentenceOf({ ...bare, type: 'SESSION_CHANGED' })).toBe('A class you booked has changed');
    expect(sentenceOf({ ...bare, type: 'SESSION_CANCELLED' })).toBe('A class you booked was cancelled');
    expect(sentenceOf({ ...bare, type: 'BOOKING_PROMOTED' })).toBe("A place opened up: you're booked for a class");
    expect(sentenceOf({ ...bare, type: 'NEW_MESSAGE' })).toBe('Someone sent you a message');
  });

  it('ignores details of the wrong shape', () => {
    expect(sentenceOf({ type: 'ACTIVITY_CANCELLED', data: { title: 42 } })).toBe(
      'An activity you were part of was cancelled',
    );
    expect(sentenceOf({ type: 'SESSION_CHANGED', data: { className: 'Yoga flow', startsAt: 'soon' } })).toBe(
      'The class “Yoga flow” has changed',
    );
    expect(sentenceOf({ type: 'JOIN_REQUEST_RECEIVED', data: { title: TITLE, note: '   ' } })).toBe(
      `Hanne Host asked to join “${TITLE}”`,
    );
  });
});

describe('notification links', () => {
  it('leads to the activity it is about', () => {
    expect(describeNotification(makeNotification({ activityId: 'act-9' }), TZ).link).toEqual({
      name: 'activity',
      params: { id: 'act-9' },
    });
  });

  it("leads a message to its chat and a class session's notification to its page", () => {
    const session = makeNotification({ type: 'SESSION_CHANGED', activityId: null, sessionId: 'ses-1', data: CLASS });
    const message = makeNotification({ type: 'NEW_MESSAGE', activityId: null, conversationId: 'conv-1' });
    expect(describeNotification(session, TZ).link).toEqual({ name: 'class-session', params: { id: 'ses-1' } });
    expect(describeNotification(message, TZ).link).toEqual({ name: 'conversation', params: { userId: 'sub-host' } });
  });

  it('splits the sentence: the actor’s name leads to their page, the title to the activity', () => {
    const { parts, sentence } = describeNotification(
      makeNotification({ type: 'JOIN_REQUEST_RECEIVED', data: { title: TITLE, note: 'Room for one more?' } }),
      TZ,
    );
    expect(parts).toEqual([
      { kind: 'person', text: 'Hanne Host', id: 'sub-host' },
      { kind: 'text', text: ' asked to join “' },
      { kind: 'link', text: TITLE },
      { kind: 'text', text: '”: “Room for one more?”' },
    ]);
    expect(sentence).toBe(`Hanne Host asked to join “${TITLE}”: “Room for one more?”`);
  });

  it('links the words around the name when there is no title, and the whole sentence when nobody acted', () => {
    const message = makeNotification({ type: 'NEW_MESSAGE', activityId: null, conversationId: 'c', data: {} });
    expect(describeNotification(message, TZ).parts).toEqual([
      { kind: 'person', text: 'Hanne Host', id: 'sub-host' },
      { kind: 'link', text: ' sent you a message' },
    ]);
    const promoted = makeNotification({ type: 'ACTIVITY_WAITLIST_PROMOTED', actor: null, data: {} });
    expect(describeNotification(promoted, TZ).parts).toEqual([
      { kind: 'link', text: "A place opened up: you're now going to an activity you were waiting for" },
    ]);
  });
});

describe('describeNotification in Dutch and French', () => {
  it('speaks Dutch', async () => {
    await setLocale('nl');
    expect(sentenceOf({ type: 'JOIN_REQUEST_APPROVED', data: { title: TITLE, waitlisted: true, position: 3 } })).toBe(
      `Hanne Host heeft je verzoek om deel te nemen aan “${TITLE}” goedgekeurd; je staat op de wachtlijst, als nummer 3`,
    );
    expect(sentenceOf({ type: 'ACTIVITY_CANCELLED', data: {}, actor: null })).toBe(
      'Een activiteit waarbij je betrokken was, werd geannuleerd',
    );
    expect(sentenceOf({ type: 'NEW_MESSAGE', actor: null })).toBe('Iemand heeft je een bericht gestuurd');
  });

  it('speaks French, with its own quotation marks and dates', async () => {
    await setLocale('fr');
    expect(sentenceOf({ type: 'JOIN_REQUEST_RECEIVED', data: { title: TITLE, note: 'Je débute' } })).toBe(
      `Hanne Host demande à rejoindre « ${TITLE} » : « Je débute »`,
    );
    expect(sentenceOf({ type: 'SESSION_CANCELLED', data: CLASS })).toMatch(
      /^Le cours « Yoga flow » du sam\. 28 nov\.,? 18:00 a été annulé$/,
    );
  });

  it('has every sentence in all three languages', async () => {
    const types: NotificationType[] = [
      'JOIN_REQUEST_RECEIVED',
      'JOIN_REQUEST_APPROVED',
      'JOIN_REQUEST_DECLINED',
      'ACTIVITY_WAITLIST_PROMOTED',
      'ACTIVITY_CHANGED',
      'ACTIVITY_CANCELLED',
      'PARTICIPANT_REMOVED',
      'SESSION_CHANGED',
      'SESSION_CANCELLED',
      'BOOKING_PROMOTED',
      'NEW_MESSAGE',
    ];
    const variants = [{ title: TITLE, ...CLASS }, { className: 'Yoga flow' }, {}];
    const seen = new Set<string>();
    for (const locale of ['en', 'nl', 'fr'] as const) {
      await setLocale(locale);
      for (const type of types) {
        for (const data of variants) {
          const sentence = sentenceOf({ type, data });
          expect(sentence).not.toMatch(/notifications\.|[{}]/);
          seen.add(sentence);
        }
      }
    }
    // Each language says it differently: no sentence fell back to English.
    expect(seen.size).toBeGreaterThan(types.length * 3 * 2);
  });
});
