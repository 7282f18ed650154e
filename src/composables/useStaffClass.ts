import { ref, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import { getClassAttendance, listClassSessions, scheduleSessions, type ClassAttendance } from '@/api/staff';
import type { ClassSession } from '@/api/classes';
import { useUniversityStore } from '@/stores/university';
import { useAsync } from './useAsync';

const WEEKS_AHEAD = 8;
export const ATTENDANCE_WEEKS = 8;

/**
 * One class for staff: its upcoming sessions (the next eight weeks), its attendance over the last
 * eight, and scheduling one session or a weekly series.
 */
export function useStaffClass(id: Ref<string>) {
  const university = useUniversityStore();
  const sessions = useAsync(async (): Promise<ClassSession[]> => {
    await university.ensureLoaded();
    const now = Date.now();
    return listClassSessions(
      id.value,
      new Date(now).toISOString(),
      new Date(now + WEEKS_AHEAD * 7 * 86_400_000).toISOString(),
    );
  });
  const attendance = useAsync((): Promise<ClassAttendance> => getClassAttendance(id.value, ATTENDANCE_WEEKS));
  const scheduling = ref(false);
  const scheduleError = ref<ApiError | null>(null);

  /** Resolves to the new sessions, or null when refused (the reason is then in scheduleError). */
  async function schedule(startsAt: string, durationMinutes: number, weeks: number): Promise<ClassSession[] | null> {
    scheduling.value = true;
    scheduleError.value = null;
    try {
      const made = await scheduleSessions(id.value, startsAt, durationMinutes, weeks);
      void sessions.run();
      return made;
    } catch (reason) {
      scheduleError.value = toApiError(reason);
      return null;
    } finally {
      scheduling.value = false;
    }
  }

  return {
    sessions: sessions.data,
    sessionsLoading: sessions.loading,
    sessionsError: sessions.error,
    attendance: attendance.data,
    attendanceError: attendance.error,
    load: () => Promise.all([sessions.run(), attendance.run()]),
    scheduling,
    scheduleError,
    schedule,
  };
}
