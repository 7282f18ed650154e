import { describe, expect, it } from 'vitest';
import { decideSignUp, displayNameRefusal, universityForEmail } from '../../../backend/src/universities/signUpRule.js';
import type { University } from '../../../backend/src/db/types.js';

const rules = {
  booking_opens_days: 7,
  free_cancel_minutes: 60,
  max_bookings_per_day: 2,
  waitlist_closes_minutes: 60,
  no_show_limit: 3,
  no_show_window_days: 30,
  no_show_block_days: 7,
  created_at: new Date(),
};
const kuleuven: University = {
  id: 'kuleuven',
  name: 'KU Leuven',
  email_domains: ['kuleuven.be', 'student.kuleuven.be'],
  time_zone: 'Europe/Brussels',
  ...rules,
};
const ugent: University = {
  id: 'ugent',
  name: 'Ghent University',
  email_domains: ['ugent.be'],
  time_zone: 'Europe/Brussels',
  ...rules,
};
const all = [kuleuven, ugent];

describe('the university sign-up rule', () => {
  it.each([
    ['a@student.kuleuven.be', 'kuleuven'],
    ['A@KULeuven.BE', 'kuleuven'],
    ['  b@ugent.be ', 'ugent'],
  ])('gives %s to %s', (email, id) => {
    expect(universityForEmail(email, all)?.id).toBe(id);
  });

  it.each(['x@gmail.com', 'x@evil-kuleuven.be', 'x@kuleuven.be.evil.com', 'x@sub.ugent.be'])(
    'refuses %s and names the rule',
    (email) => {
      const decision = decideSignUp(email, all);
      expect(decision).toEqual({
        allowed: false,
        reason:
          'Sign up with your university email address. Huddle is open to: KU Leuven (@kuleuven.be, @student.kuleuven.be); Ghent University (@ugent.be).',
      });
    },
  );

  it('asks for a valid address when there is none', () => {
    expect(decideSignUp('not-an-email', all)).toEqual({ allowed: false, reason: 'Enter a valid email address.' });
  });
});

describe('the display name at sign-up', () => {
  it.each([
    [undefined, 'Enter a display name: the name other students see.'],
    ['   ', 'Enter a display name: the name other students see.'],
    ['x'.repeat(61), 'Your display name can be at most 60 characters.'],
    ['Ann\u202Egnp.exe', 'Your display name contains characters that are not allowed.'],
    ['a\u2067b', 'Your display name contains characters that are not allowed.'],
    ['two\nlines', 'Your display name contains characters that are not allowed.'],
  ])('refuses %j', (name, reason) => {
    expect(displayNameRefusal(name)).toBe(reason);
  });

  it('takes a plain name, accents and emoji included', () => {
    expect(displayNameRefusal('Zoë Dupré 🏐')).toBeNull();
  });
});
