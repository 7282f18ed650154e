import { getStaffOverview } from '@/api/profile';
import { useAsync } from './useAsync';

/** The sports-centre page's figures for the staff member's own university. */
export function useStaffOverview() {
  const { data: overview, loading, error, run } = useAsync(getStaffOverview);
  return { overview, loading, error, load: async () => void (await run()) };
}
