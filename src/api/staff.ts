import {
  AddStaffMemberDocument,
  AdminBookingRulesDocument,
  BookingBlocksDocument,
  CancelSessionDocument,
  CheckInByCodeDocument,
  CheckInDocument,
  ClassAttendanceDocument,
  ClassScheduleDocument,
  CreateClassDocument,
  LiftBookingBlockDocument,
  MarkNoShowDocument,
  OnStaffSessionChangedDocument,
  RemoveStaffMemberDocument,
  ScheduleSessionsDocument,
  StaffClassesDocument,
  StaffMembersDocument,
  StaffSessionDocument,
  UpdateBookingRulesDocument,
  UpdateClassDocument,
  UpdateSessionDocument,
} from './generated/documents/staff';
import type {
  AttendeeFieldsFragment,
  BookingRulesInput,
  ClassAttendanceQuery,
  CreateClassInput,
  StaffMemberFieldsFragment,
  UpdateClassInput,
  UpdateSessionInput,
} from './generated/graphql';
import type { BookingBlock, BookingRules, ClassSession, SessionChange, SportsClass } from './classes';
import { listen, run } from './run';

/**
 * The sports centre's and administrators' operations. Their own domain (src/api/operations/staff),
 * so only the staff screens' chunks carry them.
 */

export type { BookingRulesInput, CreateClassInput, UpdateClassInput, UpdateSessionInput } from './generated/graphql';
/** Someone on a session's list, as staff see them. */
export type Attendee = AttendeeFieldsFragment;
export type ClassAttendance = ClassAttendanceQuery['classAttendance'];
export type AttendanceFigures = ClassAttendance['totals'];
export type StaffMember = StaffMemberFieldsFragment;

export async function listStaffClasses(): Promise<SportsClass[]> {
  return (await run(StaffClassesDocument, {})).classes;
}

export async function createClass(input: CreateClassInput): Promise<SportsClass> {
  return (await run(CreateClassDocument, { input })).createClass;
}

export async function updateClass(id: string, input: UpdateClassInput): Promise<SportsClass> {
  return (await run(UpdateClassDocument, { id, input })).updateClass;
}

/** Every session of a class in [from, to), all pages. */
export async function listClassSessions(classId: string, from: string, to: string): Promise<ClassSession[]> {
  const sessions: ClassSession[] = [];
  let nextToken: string | null = null;
  do {
    const page: { items: ClassSession[]; nextToken: string | null } = (
      await run(ClassScheduleDocument, { classId, from, to, nextToken })
    ).classSessions;
    sessions.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return sessions;
}

export async function scheduleSessions(
  classId: string,
  startsAt: string,
  durationMinutes: number,
  repeatWeeks: number,
): Promise<ClassSession[]> {
  return (await run(ScheduleSessionsDocument, { classId, startsAt, durationMinutes, repeatWeeks })).scheduleSessions;
}

/** A session with everyone booked or waiting, in one request. */
export async function getStaffSession(id: string): Promise<{ session: ClassSession; attendees: Attendee[] }> {
  const data = await run(StaffSessionDocument, { id });
  return { session: data.classSession, attendees: data.sessionAttendees };
}

export async function updateSession(sessionId: string, input: UpdateSessionInput): Promise<ClassSession> {
  return (await run(UpdateSessionDocument, { sessionId, input })).updateSession;
}

export async function cancelSession(sessionId: string, reason: string | null): Promise<ClassSession> {
  return (await run(CancelSessionDocument, { sessionId, reason })).cancelSession;
}

export async function checkIn(sessionId: string, userId: string): Promise<Attendee> {
  return (await run(CheckInDocument, { sessionId, userId })).checkIn;
}

export async function checkInByCode(sessionId: string, code: string): Promise<Attendee> {
  return (await run(CheckInByCodeDocument, { sessionId, code })).checkInByCode;
}

export async function markNoShow(sessionId: string, userId: string): Promise<Attendee> {
  return (await run(MarkNoShowDocument, { sessionId, userId })).markNoShow;
}

/** Live changes to a session staff have open; returns the function that stops listening. */
export function subscribeToStaffSession(
  sessionId: string,
  onChange: (change: SessionChange) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(OnStaffSessionChangedDocument, { sessionId }, (data) => data.onSessionChanged, onChange, onError);
}

export async function listBookingBlocks(): Promise<BookingBlock[]> {
  return (await run(BookingBlocksDocument, {})).bookingBlocks;
}

export async function liftBookingBlock(userId: string): Promise<BookingBlock> {
  return (await run(LiftBookingBlockDocument, { userId })).liftBookingBlock;
}

export async function getClassAttendance(classId: string, weeks: number): Promise<ClassAttendance> {
  return (await run(ClassAttendanceDocument, { classId, weeks })).classAttendance;
}

export async function listStaffMembers(): Promise<StaffMember[]> {
  return (await run(StaffMembersDocument, {})).staffMembers;
}

export async function addStaffMember(email: string): Promise<StaffMember> {
  return (await run(AddStaffMemberDocument, { email })).addStaffMember;
}

export async function removeStaffMember(userId: string): Promise<StaffMember> {
  return (await run(RemoveStaffMemberDocument, { userId })).removeStaffMember;
}

export async function getAdminBookingRules(): Promise<BookingRules> {
  return (await run(AdminBookingRulesDocument, {})).bookingRules;
}

export async function updateBookingRules(input: BookingRulesInput): Promise<BookingRules> {
  return (await run(UpdateBookingRulesDocument, { input })).updateBookingRules;
}
