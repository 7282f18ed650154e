import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { weeklyStarts } from '@/classes/schedulePreview';
import StaffSchedulePreview from '@/components/staff/StaffSchedulePreview.vue';
import { i18n } from '@/i18n';

const TZ = 'Europe/Brussels';

function preview(first: string, weeks: number) {
  return mount(StaffSchedulePreview, { props: { first, weeks, timeZone: TZ }, global: { plugins: [i18n] } });
}

describe('the weekly schedule preview', () => {
  it('keeps 18:00 across the end of March, when the clocks go forward', () => {
    const wrapper = preview('2027-03-16T18:00', 4);
    expect(wrapper.get('h3').text()).toBe('4 sessions:');
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      'Tuesday, 16 March 2027, 18:00',
      'Tuesday, 23 March 2027, 18:00',
      'Tuesday, 30 March 2027, 18:00',
      'Tuesday, 6 April 2027, 18:00',
    ]);
    // The instants move by an hour in UTC; the wall clock does not.
    expect(weeklyStarts('2027-03-16T18:00', 4, TZ)).toEqual([
      '2027-03-16T17:00:00.000Z',
      '2027-03-23T17:00:00.000Z',
      '2027-03-30T16:00:00.000Z',
      '2027-04-06T16:00:00.000Z',
    ]);
  });

  it('keeps 18:00 across the end of October, when the clocks go back', () => {
    const wrapper = preview('2026-10-20T18:00', 3);
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      'Tuesday, 20 October 2026, 18:00',
      'Tuesday, 27 October 2026, 18:00',
      'Tuesday, 3 November 2026, 18:00',
    ]);
    expect(wrapper.findAll('time').map((time) => time.attributes('datetime'))).toEqual([
      '2026-10-20T16:00:00.000Z',
      '2026-10-27T17:00:00.000Z',
      '2026-11-03T17:00:00.000Z',
    ]);
  });

  it('shows nothing until a first start is chosen, and one date for one week', () => {
    expect(preview('', 4).find('section').exists()).toBe(false);
    expect(
      preview('2026-12-01T07:30', 1)
        .findAll('li')
        .map((li) => li.text()),
    ).toEqual(['Tuesday, 1 December 2026, 07:30']);
  });
});
