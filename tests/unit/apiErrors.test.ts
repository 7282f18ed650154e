import { describe, expect, it, vi } from 'vitest';
import { ApiError, isSessionExpired, isTooManyRequests, rethrowAsApiError, toApiError } from '@/api/errors';
import { onSessionExpired } from '@/api/sessionExpiry';

describe('toApiError', () => {
  it('keeps AppSync errorType and message from a GraphQL result', () => {
    const reason = { data: null, errors: [{ errorType: 'BadRequest', message: 'Display name is too long' }] };
    expect(toApiError(reason)).toMatchObject({ errorType: 'BadRequest', message: 'Display name is too long' });
  });

  it("reads an HTTP failure's type from the original error (Amplify's 401 shape)", () => {
    const reason = {
      data: {},
      errors: [{ message: 'Unauthorized', originalError: { name: 'UnauthorizedException' } }],
    };
    expect(toApiError(reason)).toMatchObject({ errorType: 'UnauthorizedException', message: 'Unauthorized' });
  });

  it('gives an overloaded API’s 429 (Amplify keeps only its type) the code the app has a sentence for', () => {
    const reason = {
      data: {},
      errors: [{ message: 'Unknown error', originalError: { name: 'TooManyRequestsException' } }],
    };
    const error = toApiError(reason);
    expect(error).toMatchObject({ errorType: 'TooManyRequestsException', info: { code: 'api.busy' } });
    expect(isTooManyRequests(error)).toBe(true);
    expect(isTooManyRequests(new ApiError('Conflict', 'Full'))).toBe(false);
  });

  it('turns thrown errors and unknown values into ApiErrors', () => {
    const network = Object.assign(new Error('Network error'), { name: 'NetworkError' });
    expect(toApiError(network)).toMatchObject({ errorType: 'NetworkError', message: 'Network error' });
    expect(toApiError('boom')).toBeInstanceOf(ApiError);
  });
});

describe('isSessionExpired', () => {
  it.each([
    ['UnauthorizedException', 'Unauthorized', true],
    ['Unauthorized', 'Token has been revoked', true],
    ['Unauthorized', 'Not Authorized to access staffOverview on type Query', false],
    ['BadRequest', 'Display name is too long', false],
  ])('%s / %s → %s', (errorType, message, expected) => {
    expect(isSessionExpired(new ApiError(errorType, message))).toBe(expected);
  });
});

describe('rethrowAsApiError', () => {
  it('tells the session handler about a dead session, then throws the ApiError', () => {
    const handler = vi.fn();
    onSessionExpired(handler);
    expect(() => rethrowAsApiError({ errors: [{ errorType: 'UnauthorizedException', message: 'expired' }] })).toThrow(
      ApiError,
    );
    expect(handler).toHaveBeenCalledTimes(1);
    expect(() => rethrowAsApiError({ errors: [{ errorType: 'BadRequest', message: 'no' }] })).toThrow('no');
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
