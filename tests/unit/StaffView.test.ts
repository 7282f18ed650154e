import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { getStaffOverview } from '@/api/profile';
import StaffView from '@/views/StaffView.vue';
import { deferred, makeStaffOverview, makeUniversity } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/profile', () => ({ getStaffOverview: vi.fn() }));

beforeEach(() => vi.clearAllMocks());

describe('StaffView', () => {
  it('says it is loading, then shows the university with its student and staff counts', async () => {
    const pending = deferred<ReturnType<typeof makeStaffOverview>>();
    vi.mocked(getStaffOverview).mockReturnValue(pending.promise);
    const { wrapper } = await mountWithApp(StaffView, { path: '/staff' });
    expect(wrapper.get('[role="status"]').text()).toContain('Loading');

    pending.resolve(
      makeStaffOverview({ university: makeUniversity({ name: 'VUB' }), studentCount: 312, staffCount: 4 }),
    );
    await flushPromises();
    expect(wrapper.text()).toContain('VUB');
    const figures = wrapper.findAll('dd').map((dd) => dd.text());
    expect(figures).toEqual(['312', '4']);
  });

  it('shows the error with a retry', async () => {
    vi.mocked(getStaffOverview).mockRejectedValue(new ApiError('InternalFailure', 'Database unavailable'));
    const { wrapper } = await mountWithApp(StaffView, { path: '/staff' });
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Database unavailable');
    expect(alert.text()).toContain('Try again');
    await alert.get('button').trigger('click');
    expect(getStaffOverview).toHaveBeenCalledTimes(2);
  });
});
