import { ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { getStaffOverview } from '@/api/profile';
import type { StaffOverview } from '@/api/profile';

/** The sports-centre page's figures for the staff member's own university. */
export function useStaffOverview() {
  const overview = ref<StaffOverview | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      overview.value = await getStaffOverview();
    } catch (reason) {
      error.value = toApiError(reason);
    } finally {
      loading.value = false;
    }
  }

  return { overview, loading, error, load };
}
