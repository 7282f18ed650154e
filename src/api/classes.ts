import {
  BookSessionDocument,
  BookingRulesDocument,
  CancelBookingDocument,
  ClassSessionDocument,
  ClassesDocument,
  MyBookingRecordDocument,
  MyBookingsDocument,
  OnSessionChangedDocument,
  TimetableDocument,
} from './generated/documents/classes';
import type {
  BlockFieldsFragment,
  BookingFieldsFragment,
  BookingRulesFieldsFragment,
  ClassFieldsFragment,
  MyBookingRecordQuery,
  OnSessionChangedSubscription,
  OwnBookingFieldsFragment,
  SessionFieldsFragment,
  Sport,
  TimeScope,
} from './generated/graphql';
import type { Page, PageRequest } from './page';
import { listen, run } from './run';

export type { BookingStatus, SessionChangeKind, SessionState, SessionStatus } from './generated/graphql';

/** A sports-centre class, as the timetable and staff screens show it. */
export type SportsClass = ClassFieldsFragment;
/** One session as the caller sees it: its class, places, timing rules and the caller's own booking. */
export type ClassSession = SessionFieldsFragment;
/** The caller's own booking of a session (with its check-in code while it holds a place). */
export type OwnBooking = OwnBookingFieldsFragment;
/** A booking with its person and session. */
export type Booking = BookingFieldsFragment;
export type BookingRules = BookingRulesFieldsFragment;
export type BookingBlock = BlockFieldsFragment;
export type BookingRecord = MyBookingRecordQuery['myBookingRecord'];
/** A live event on one session: the watcher refetches what it shows. */
export type SessionChange = NonNullable<OnSessionChangedSubscription['onSessionChanged']>;

export interface TimetableFilter {
  from: string;
  to: string;
  classId?: string | null;
  sport?: Sport | null;
}

export async function listSessions(filter: TimetableFilter, page: PageRequest = {}): Promise<Page<ClassSession>> {
  return (await run(TimetableDocument, { ...filter, ...page })).classSessions;
}

export async function listClasses(): Promise<SportsClass[]> {
  return (await run(ClassesDocument, {})).classes;
}

export async function getSession(id: string): Promise<ClassSession> {
  return (await run(ClassSessionDocument, { id })).classSession;
}

/** Books a place, or a waitlist place when the session is full. */
export async function bookSession(sessionId: string): Promise<Booking> {
  return (await run(BookSessionDocument, { sessionId })).bookSession;
}

/** Cancels my booking (late after the free-cancel limit), or takes me off the waitlist. */
export async function cancelBooking(sessionId: string): Promise<Booking> {
  return (await run(CancelBookingDocument, { sessionId })).cancelBooking;
}

export async function listMyBookings(when: TimeScope, page: PageRequest = {}): Promise<Page<Booking>> {
  return (await run(MyBookingsDocument, { when, ...page })).myBookings;
}

export async function getBookingRecord(): Promise<BookingRecord> {
  return (await run(MyBookingRecordDocument, {})).myBookingRecord;
}

export async function getBookingRules(): Promise<BookingRules> {
  return (await run(BookingRulesDocument, {})).bookingRules;
}

/** Live changes to one session; returns the function that stops listening. */
export function subscribeToSession(
  sessionId: string,
  onChange: (change: SessionChange) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(OnSessionChangedDocument, { sessionId }, (data) => data.onSessionChanged, onChange, onError);
}
