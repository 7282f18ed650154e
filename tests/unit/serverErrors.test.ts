import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@rules/errorCodes';
import { placeServerError } from '@/activities/serverErrors';
import { ApiError } from '@/api/errors';
import { setLocale, t } from '@/i18n';
import { shownMessageText } from '@/i18n/serverError';

const ZONE = 'Europe/Brussels';
const refusal = (code: string, field?: string, extra: Record<string, unknown> = {}) =>
  new ApiError('ValidationError', `English words for ${code}`, { code, ...(field ? { field } : {}), ...extra });

/** What the host form shows for a refusal: the field it lands on and the sentence, in the current language. */
function shown(error: ApiError) {
  const placed = placeServerError(error, ZONE);
  return { field: placed.field, text: shownMessageText(placed.message, t) };
}

// Every refusal createActivity / updateActivity can answer about one of the form's fields.
const FIELD_REFUSALS: [code: string, field: string, formField: string, extra?: Record<string, unknown>][] = [
  ['title.tooShort', 'input.title', 'title', { min: 3, max: 80 }],
  ['title.tooLong', 'input.title', 'title', { min: 3, max: 80 }],
  ['title.required', 'input.title', 'title'],
  ['title.invalidCharacters', 'input.title', 'title'],
  ['description.tooLong', 'input.description', 'description', { max: 2000 }],
  ['place.tooShort', 'input.place', 'place', { min: 2, max: 120 }],
  ['place.tooLong', 'input.place', 'place', { min: 2, max: 120 }],
  ['mapUrl.invalid', 'input.mapUrl', 'mapUrl'],
  ['mapUrl.tooLong', 'input.mapUrl', 'mapUrl', { max: 500 }],
  ['startsAt.invalid', 'input.startsAt', 'startsAt'],
  ['startsAt.tooSoon', 'input.startsAt', 'startsAt', { minutes: 5 }],
  ['startsAt.tooFar', 'input.startsAt', 'startsAt', { days: 366 }],
  ['durationMinutes.outOfRange', 'input.durationMinutes', 'durationMinutes', { min: 15, max: 1440 }],
  ['capacity.outOfRange', 'input.capacity', 'capacity', { min: 2, max: 100 }],
  ['capacity.belowConfirmed', 'input.capacity', 'capacity', { min: 6 }],
  ['sport.invalid', 'input.sport', 'sport'],
  ['skillLevel.invalid', 'input.skillLevel', 'skillLevel'],
  ['joinPolicy.invalid', 'input.joinPolicy', 'joinPolicy'],
];

describe('placeServerError', () => {
  it.each(['en', 'nl', 'fr'] as const)('puts every field refusal next to its field, in %s, by code', async (locale) => {
    await setLocale(locale);
    for (const [code, field, formField, extra] of FIELD_REFUSALS) {
      const { field: placed, text } = shown(refusal(code, field, extra));
      expect(placed, code).toBe(formField);
      expect(text, code).not.toContain('English words');
      expect(text, code).not.toMatch(/[{}]/); // every placeholder filled
    }
  });

  it('fills in the numbers of the refusal', () => {
    expect(shown(refusal('title.tooLong', 'input.title', { max: 80 })).text).toBe(
      'The title can be at most 80 characters.',
    );
    expect(shown(refusal('capacity.belowConfirmed', 'input.capacity', { min: 6 })).text).toContain(
      'choose at least 6 places',
    );
  });

  it('says a refusal about no field of the form above the button, translated by its code', async () => {
    await setLocale('nl');
    const cancelled = new ApiError('Conflict', "This activity was cancelled: you can't edit it.", {
      code: 'activity.cancelled',
    });
    expect(shown(cancelled)).toEqual({ field: null, text: 'Deze activiteit werd geannuleerd, dus dit kan niet meer.' });
  });

  it("shows the server's own words only for a code it does not know, still on its field", () => {
    expect(shown(refusal('title.rhymes', 'input.title'))).toEqual({
      field: 'title',
      text: 'English words for title.rhymes',
    });
    expect(shown(new ApiError('Unknown', 'The database fell over.'))).toEqual({
      field: null,
      text: 'The database fell over.',
    });
  });

  it('says a lost connection in its own words, whatever the message', () => {
    expect(shown(new ApiError('NetworkError', 'Network error'))).toMatchObject({ field: null });
    expect(shown(new ApiError('NetworkError', 'Network error')).text).toContain('offline');
  });

  it('formats dates of a refusal in the university time zone', () => {
    const error = new ApiError('Conflict', 'Booking opens on …', {
      code: 'booking.windowNotOpen',
      opensAt: '2026-12-01T17:00:00.000Z',
    });
    expect(shown(error).text).toMatch(/^Booking opens on .*18:00/);
  });
});

describe('a limit on volume (RateLimited)', () => {
  const limited = (code: string, info: Record<string, unknown>) =>
    new ApiError('RateLimited', 'English words', { code, ...info });
  const daily = limited('rateLimit.activitiesPerDay', {
    max: 10,
    retryAt: '2026-12-01T17:30:00.000Z',
    retryAfterSeconds: 3600,
  });
  const renewal = limited('rateLimit.joinRenewal', {
    minutes: 10,
    retryAt: '2026-12-01T17:30:00.000Z',
    retryAfterSeconds: 420,
  });

  it.each([
    [
      'en',
      "You've created 10 activities in the last 24 hours. You can create another from",
      'You withdrew your request a moment ago. You can ask to join again from',
    ],
    [
      'nl',
      'Je hebt de afgelopen 24 uur 10 activiteiten aangemaakt. Vanaf',
      'Je hebt je aanvraag net ingetrokken. Vanaf',
    ],
    [
      'fr',
      'Vous avez créé 10 activités au cours des dernières 24 heures. Vous pourrez en créer une autre à partir de',
      'Vous venez de retirer votre demande. Vous pourrez redemander à participer à partir de',
    ],
  ] as const)('is said in plain words in %s, with when to try again in the university’s time', async (locale, a, b) => {
    await setLocale(locale);
    const [dailyText, renewalText] = [shown(daily).text, shown(renewal).text];
    expect(dailyText.startsWith(a), dailyText).toBe(true);
    expect(renewalText.startsWith(b), renewalText).toBe(true);
    for (const text of [dailyText, renewalText]) {
      expect(text).toContain('18:30'); // 17:30 UTC in Brussels
      expect(text).not.toMatch(/[{}]|English words|Z\b/);
    }
  });
});

describe('the serverErrors messages', () => {
  it.each(['en', 'nl', 'fr'] as const)('have a sentence for every error code in %s', async (locale) => {
    await setLocale(locale);
    const missing = ERROR_CODES.filter((code) => t(`serverErrors.${code}`) === `serverErrors.${code}`);
    expect(missing).toEqual([]);
  });
});
