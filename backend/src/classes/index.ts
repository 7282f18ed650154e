import type { DomainResolvers, SubscriptionAuthorizers } from '../fieldResolvers.js';
import { sessionAttendees, checkIn, markNoShow } from './attendance.js';
import { bookSession } from './book.js';
import { cancelBooking } from './cancel.js';
import { bookingRules, classes, createClass, updateClass } from './classes.js';
import { cancelSession, updateSession } from './manage.js';
import { myBookings } from './myBookings.js';
import { scheduleSessions } from './schedule.js';
import { classSessions } from './timetable.js';

/** The classes fields of the API, keyed `Type.field` as AppSync names them. */
export const classesResolvers = {
  'Query.bookingRules': bookingRules,
  'Query.classes': classes,
  'Query.classSessions': classSessions,
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
} satisfies DomainResolvers & SubscriptionAuthorizers;
