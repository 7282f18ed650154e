import type { DomainResolvers, SubscriptionAuthorizers } from '../fieldResolvers.js';
import { sessionAttendees, checkIn, checkInByCode, markNoShow } from './attendance.js';
import { bookSession } from './book.js';
import { cancelBooking } from './cancel.js';
import { bookingRules, classes, createClass, updateClass } from './classes.js';
import { cancelSession, updateSession } from './manage.js';
import { myBookings } from './myBookings.js';
import { scheduleSessions } from './schedule.js';
import { classSession, classSessions, onSessionChanged } from './timetable.js';
import { bookingBlocks, liftBookingBlock, myBookingRecord, updateBookingRules } from './policies.js';
import { classAttendance } from './report.js';

/** The classes fields of the API, keyed `Type.field` as AppSync names them. */
export const classesResolvers = {
  'Query.bookingRules': bookingRules,
  'Query.classes': classes,
  'Query.classSessions': classSessions,
  'Query.classSession': classSession,
  'Query.myBookingRecord': myBookingRecord,
  'Query.bookingBlocks': bookingBlocks,
  'Query.classAttendance': classAttendance,
  'Query.myBookings': myBookings,
  'Query.sessionAttendees': sessionAttendees,
  'Mutation.createClass': createClass,
  'Mutation.updateClass': updateClass,
  'Mutation.scheduleSessions': scheduleSessions,
  'Mutation.updateSession': updateSession,
  'Mutation.cancelSession': cancelSession,
  'Mutation.bookSession': bookSession,
  'Mutation.cancelBooking': cancelBooking,
  'Mutation.checkIn': checkIn,
  'Mutation.markNoShow': markNoShow,
  'Mutation.checkInByCode': checkInByCode,
  'Mutation.liftBookingBlock': liftBookingBlock,
  'Mutation.updateBookingRules': updateBookingRules,
  'Subscription.onSessionChanged': onSessionChanged,
} satisfies DomainResolvers & SubscriptionAuthorizers;
