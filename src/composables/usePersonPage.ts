import { computed, ref, watch, type Ref } from 'vue';
import { listActivities, type ActivitySummary } from '@/api/activities';
import { toApiError, type ApiError } from '@/api/errors';
import { blockUser, unblockUser } from '@/api/messages';
import { getPersonPage, type PersonPage } from '@/api/people';
import { useSessionStore } from '@/stores/session';
import { useUniversityStore } from '@/stores/university';
import { useAsync } from './useAsync';

export const HOSTED_PAGE = 5;

/**
 * A person's page: their profile, whether I blocked them, and the upcoming activities they host
 * (a few at first, more on request). Someone of another university is simply "not found".
 */
export function usePersonPage(id: Ref<string>) {
  const session = useSessionStore();
  const university = useUniversityStore();
  const page = useAsync(async (personId: string): Promise<PersonPage> => {
    // Activity times are the university's: know its zone before showing any.
    const [answer] = await Promise.all([
      getPersonPage(personId, HOSTED_PAGE),
      university.ensureLoaded().catch(() => undefined),
    ]);
    return answer;
  });
  const hosted = ref<ActivitySummary[]>([]);
  const hostedToken = ref<string | null>(null);
  const loadingMore = ref(false);
  const moreError = ref<ApiError | null>(null);
  const blocked = ref(false);
  const blockPending = ref(false);
  const blockError = ref<ApiError | null>(null);

  const isMe = computed(() => session.user?.sub === id.value);
  const notFound = computed(() => page.error.value?.errorType === 'NotFound');

  async function load(): Promise<void> {
    const answer = await page.run(id.value);
    if (!answer) return;
    hosted.value = answer.hosted.items;
    hostedToken.value = answer.hosted.nextToken;
    blocked.value = answer.blocked;
  }

  async function loadMore(): Promise<void> {
    if (!hostedToken.value || loadingMore.value) return;
    const asked = id.value;
    loadingMore.value = true;
    moreError.value = null;
    try {
      const more = await listActivities({ hostId: asked }, { limit: HOSTED_PAGE, nextToken: hostedToken.value });
      if (asked !== id.value) return;
      hosted.value = [...hosted.value, ...more.items];
      hostedToken.value = more.nextToken;
    } catch (reason) {
      moreError.value = toApiError(reason);
    } finally {
      loadingMore.value = false;
    }
  }

  /** Resolves to whether it worked; the reason is in blockError otherwise. */
  async function setBlocked(value: boolean): Promise<boolean> {
    blockPending.value = true;
    blockError.value = null;
    try {
      await (value ? blockUser(id.value) : unblockUser(id.value));
      blocked.value = value;
      return true;
    } catch (reason) {
      blockError.value = toApiError(reason);
      return false;
    } finally {
      blockPending.value = false;
    }
  }

  watch(
    id,
    () => {
      hosted.value = [];
      hostedToken.value = null;
      moreError.value = null;
      blockError.value = null;
      void load();
    },
    { immediate: true },
  );

  return {
    // Not the previous person's while another one loads.
    person: computed(() => (page.data.value?.person.id === id.value ? page.data.value.person : null)),
    loading: page.loading,
    error: page.error,
    notFound,
    isMe,
    hosted,
    hostedToken,
    loadingMore,
    moreError,
    blocked,
    blockPending,
    blockError,
    timeZone: computed(() => university.timeZone),
    load,
    loadMore,
    block: () => setBlocked(true),
    unblock: () => setBlocked(false),
  };
}
