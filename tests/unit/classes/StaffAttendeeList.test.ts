import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffAttendeeList from '@/components/staff/StaffAttendeeList.vue';
import { i18n } from '@/i18n';
import type { Attendee } from '@/api/staff';
import { makePerson } from '../activityFixtures';
import { makeAttendee } from '../classFixtures';

const ann = makeAttendee();
const bert = makeAttendee({ status: 'CHECKED_IN', user: makePerson({ id: 'sub-bert', displayName: 'Bert Claes' }) });
const cleo = makeAttendee({ status: 'NO_SHOW', user: makePerson({ id: 'sub-cleo', displayName: 'Cleo Maes' }) });
const dirk = makeAttendee({
  status: 'WAITLISTED',
  position: 1,
  user: makePerson({ id: 'sub-dirk', displayName: 'Dirk Smet' }),
});
const eva = makeAttendee({
  status: 'WAITLISTED',
  position: 2,
  user: makePerson({ id: 'sub-eva', displayName: 'Eva Wouters' }),
});

function list(attendees: Attendee[], options: { started?: boolean; ended?: boolean } = {}) {
  return mount(StaffAttendeeList, {
    props: { attendees, started: options.started ?? false, ended: options.ended ?? false, pending: false },
    global: { plugins: [i18n] },
  });
}
const names = (wrapper: ReturnType<typeof list>) => wrapper.findAll('button').map((b) => b.attributes('aria-label'));

describe('StaffAttendeeList', () => {
  it('lists everyone with a place and their state, then the waitlist in order', () => {
    const wrapper = list([ann, bert, cleo, dirk, eva]);
    expect(wrapper.text()).toContain('1 of 3 checked in');
    expect(
      wrapper.findAll('.attendee').map((row) =>
        row
          .findAll('span')
          .filter((span) => span.text())
          .map((span) => span.text())
          .join(' '),
      ),
    ).toEqual(['Ann Peeters Booked Check in', 'Bert Claes Checked in', 'Cleo Maes No-show Check in']);
    expect(wrapper.get('h3').text()).toBe('Waitlist (2)');
    expect(wrapper.findAll('.waitlist li').map((li) => li.text())).toEqual(['Dirk Smet', 'Eva Wouters']);
  });

  it('checks in by tapping a name; no-shows only once the session has started', async () => {
    const before = list([ann, cleo]);
    expect(names(before)).toEqual(['Check in Ann Peeters', 'Check in Cleo Maes']);
    await before.get('button[aria-label="Check in Ann Peeters"]').trigger('click');
    expect(before.emitted('checkIn')).toEqual([['sub-ann']]);

    const started = list([ann, cleo], { started: true });
    expect(names(started)).toEqual(['Check in Ann Peeters', 'No-show: Ann Peeters', 'Check in Cleo Maes']);
    await started.get('button[aria-label="No-show: Ann Peeters"]').trigger('click');
    expect(started.emitted('noShow')).toEqual([['sub-ann']]);
  });

  it('offers no check-in once the session ended, and says when nobody booked', () => {
    expect(names(list([ann], { started: true, ended: true }))).toEqual(['No-show: Ann Peeters']);
    expect(list([]).text()).toContain('Nobody has booked yet.');
  });
});
