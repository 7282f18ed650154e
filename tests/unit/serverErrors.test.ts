import { describe, expect, it } from 'vitest';
import { placeServerError } from '@/activities/serverErrors';
import { ApiError } from '@/api/errors';

const validation = (message: string) => placeServerError(new ApiError('ValidationError', message));

describe('placeServerError', () => {
  // The server's own messages (backend/src/validation.ts, activities/validate.ts, input.ts, host.ts).
  it.each([
    ['Title needs at least 3 characters.', 'title', { key: 'errors.titleLength', params: { min: 3, max: 80 } }],
    ['Title cannot be empty.', 'title', { key: 'errors.titleLength', params: { min: 3, max: 80 } }],
    ['Place can be at most 120 characters.', 'place', { key: 'errors.placeLength', params: { min: 2, max: 120 } }],
    [
      'Description can be at most 2000 characters.',
      'description',
      { key: 'errors.descriptionTooLong', params: { max: 2000 } },
    ],
    ['Description contains characters that are not allowed.', 'description', { key: 'errors.invalidCharacters' }],
    ['Map link must be a web address starting with https:// or http://.', 'mapUrl', { key: 'errors.mapUrlInvalid' }],
    ['Map link can be at most 500 characters.', 'mapUrl', { key: 'errors.mapUrlTooLong', params: { max: 500 } }],
    [
      'Duration must be a whole number from 15 to 1440 minutes.',
      'durationMinutes',
      { key: 'errors.durationRange', params: { min: 15, max: 1440 } },
    ],
    [
      'Capacity must be a whole number from 2 to 100 people, the host included.',
      'capacity',
      { key: 'errors.capacityRange', params: { min: 2, max: 100 } },
    ],
    [
      "Capacity can't be lower than the 6 people already confirmed (you included). Remove someone first, or choose at least 6.",
      'capacity',
      { key: 'errors.capacityBelowConfirmed', params: { n: 6 } },
    ],
    [
      'Start time must be at least 5 minutes from now.',
      'startsAt',
      { key: 'errors.startTooSoon', params: { minutes: 5 } },
    ],
    ['Start time can be at most one year from now.', 'startsAt', { key: 'errors.startTooFar' }],
    ['Start time must be a date and time such as 2026-05-01T18:00:00Z.', 'startsAt', { key: 'errors.startInvalid' }],
    ['Choose a valid sport.', 'sport', { key: 'errors.sportRequired' }],
    ['Choose a valid skill level.', 'skillLevel', { key: 'errors.skillLevelRequired' }],
    ['Choose a valid join policy.', 'joinPolicy', { key: 'errors.joinPolicyRequired' }],
  ])('puts "%s" next to %s in the form\'s words', (message, field, expected) => {
    expect(validation(message)).toEqual({ field, message: { params: undefined, ...expected } });
  });

  it("puts an unknown rule on a known field next to it in the server's words", () => {
    expect(validation('Title is rather odd.')).toEqual({ field: 'title', message: { text: 'Title is rather odd.' } });
    expect(placeServerError(new ApiError('Conflict', 'Place is closed on Sundays.'))).toEqual({
      field: 'place',
      message: { text: 'Place is closed on Sundays.' },
    });
  });

  it('keeps a field label only at the start of the message, and only for validation and conflicts', () => {
    expect(validation('Titles are not a thing.').field).toBeNull();
    expect(placeServerError(new ApiError('Unknown', 'Title exploded.'))).toEqual({
      field: null,
      message: { text: 'Title exploded.' },
    });
  });

  it("puts everything else above the button, in the form's words when it knows the refusal", () => {
    expect(placeServerError(new ApiError('Conflict', "This activity was cancelled: you can't edit it."))).toEqual({
      field: null,
      message: { key: 'errors.cancelled', params: undefined },
    });
    expect(placeServerError(new ApiError('Conflict', "This activity has already started: you can't edit it."))).toEqual(
      { field: null, message: { key: 'errors.started', params: undefined } },
    );
    expect(placeServerError(new ApiError('Forbidden', 'Only the host can edit this activity.')).message).toEqual({
      key: 'errors.notHost',
      params: undefined,
    });
    expect(placeServerError(new ApiError('NetworkError', 'Network error')).message).toMatchObject({
      key: 'errors.network',
    });
    expect(placeServerError(new ApiError('Unknown', 'The database fell over.'))).toEqual({
      field: null,
      message: { text: 'The database fell over.' },
    });
  });
});
