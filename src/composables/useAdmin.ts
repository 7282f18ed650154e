import { ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import type { BookingRules } from '@/api/classes';
import {
  addStaffMember,
  getAdminBookingRules,
  liftBookingBlock,
  listBookingBlocks,
  listStaffMembers,
  removeStaffMember,
  updateBookingRules,
  type BookingRulesInput,
} from '@/api/staff';
import { useAsync } from './useAsync';

/** Runs one change; resolves to its answer or null, with the refusal in `error`. */
function useChange() {
  const pending = ref(false);
  const error = ref<ApiError | null>(null);
  async function run<T>(change: () => Promise<T>): Promise<T | null> {
    pending.value = true;
    error.value = null;
    try {
      return await change();
    } catch (reason) {
      error.value = toApiError(reason);
      return null;
    } finally {
      pending.value = false;
    }
  }
  return { pending, error, run };
}

/** Staff's list of no-show blocks that hold, and lifting one. */
export function useBookingBlocks() {
  const list = useAsync(listBookingBlocks);
  const change = useChange();
  async function lift(userId: string) {
    const lifted = await change.run(() => liftBookingBlock(userId));
    void list.run();
    return lifted;
  }
  return { ...list, load: () => list.run(), pending: change.pending, actionError: change.error, lift };
}

/** An administrator's list of staff, naming someone staff by email, and removing them. */
export function useStaffMembers() {
  const list = useAsync(listStaffMembers);
  const change = useChange();
  async function after<T>(result: T | null): Promise<T | null> {
    if (result) await list.run();
    return result;
  }
  return {
    ...list,
    load: () => list.run(),
    pending: change.pending,
    actionError: change.error,
    add: async (email: string) => after(await change.run(() => addStaffMember(email.trim()))),
    remove: async (userId: string) => after(await change.run(() => removeStaffMember(userId))),
  };
}

/** The university's booking rules and no-show policy, as an administrator edits them. */
export function useAdminRules() {
  const rules = useAsync(getAdminBookingRules);
  const change = useChange();
  async function save(input: BookingRulesInput): Promise<BookingRules | null> {
    const saved = await change.run(() => updateBookingRules(input));
    if (saved) rules.data.value = saved;
    return saved;
  }
  return { ...rules, load: () => rules.run(), saving: change.pending, saveError: change.error, save };
}
