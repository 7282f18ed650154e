/**
 * Every refusal's stable code (`errorInfo.code`). The app translates by code (the `serverErrors`
 * message area has one sentence per code in each language, checked by a unit test) and shows the
 * server's own sentence only for a code it does not know. Rename a code only with its translations.
 *
 * Text fields share four rules (`<subject>.required | tooShort | tooLong | invalidCharacters`).
 */
const textCodes = <S extends string>(subject: S) =>
  [`${subject}.required`, `${subject}.tooShort`, `${subject}.tooLong`, `${subject}.invalidCharacters`] as const;

export const ERROR_CODES = [
  // Input shapes shared by every field.
  'input.required',
  'input.noChanges',
  'limit.outOfRange',
  'nextToken.invalid',
  'filter.invalid',
  'from.invalid',
  'to.invalid',
  'to.beforeFrom',
  'to.rangeTooLong',
  'relation.invalid',
  'timeScope.invalid',
  'approve.invalid',
  'ids.invalid',
  'ids.tooMany',
  // Activities.
  ...textCodes('title'),
  ...textCodes('description'),
  ...textCodes('place'),
  ...textCodes('note'),
  ...textCodes('search'),
  'sport.invalid',
  'skillLevel.invalid',
  'joinPolicy.invalid',
  'mapUrl.tooLong',
  'mapUrl.invalid',
  'startsAt.invalid',
  'startsAt.tooSoon',
  'startsAt.tooFar',
  'startsAt.past',
  'durationMinutes.outOfRange',
  'capacity.outOfRange',
  'capacity.belowConfirmed',
  'activity.notFound',
  'activity.cancelled',
  'activity.started',
  'activity.alreadyCancelled',
  'activity.hostOnly',
  'activity.hostIsIn',
  'activity.hostCannotLeave',
  'activity.notIn',
  'activity.notAllowed',
  'activity.declined',
  'activity.removed',
  'joinRequest.notFound',
  'joinRequest.answered',
  'participant.notFound',
  'participant.gone',
  'audience.invalid',
  // People and profiles.
  ...textCodes('displayName'),
  ...textCodes('bio'),
  'sports.tooMany',
  'sports.duplicate',
  'person.notFound',
  'university.notFound',
  'profile.notYours',
  // Messages.
  ...textCodes('message'),
  'clientId.invalid',
  'clientId.reused',
  'message.inFlight',
  'message.toSelf',
  'message.blockedByRecipient',
  'message.youBlocked',
  'block.self',
  'conversation.notFound',
  'subscription.notYours',
  // Notifications.
  'notification.notFound',
  // Classes.
  ...textCodes('className'),
  ...textCodes('instructor'),
  'class.notFound',
  'session.notFound',
  'session.cancelled',
  'session.started',
  'session.ended',
  'session.fullWaitlistClosed',
  'session.capacityBelowConfirmed',
  'repeatWeeks.outOfRange',
  'booking.notFound',
  'booking.windowNotOpen',
  'booking.dailyLimit',
  'booking.noShowBlocked',
  'booking.tooLateToCancel',
  'booking.alreadyTakenPlace',
  'checkIn.notOpenYet',
  'checkIn.closed',
  'checkIn.notBooked',
  'noShow.tooEarly',
  'checkIn.codeNotFound',
  'block.notFound',
  'rules.outOfRange',
  'weeks.outOfRange',
  ...textCodes('cancelReason'),
  'staff.only',
  'admin.only',
  'staffMember.notFound',
  'staffMember.notStaff',
  'staffMember.groupChangeFailed',
  // Sessions and access.
  'auth.signInRequired',
  'auth.accountMissing',
  'auth.signedOutEverywhere',
  'auth.notAllowed',
  'resolver.notFound',
  // Limits on volume (RateLimited, with retryAt).
  'rateLimit.activitiesPerDay',
  'rateLimit.joinRenewal',
  'rateLimit.messagesPerMinute',
  'rateLimit.messagesPerDay',
  // Not a resolver's refusal: the API was too busy and ran nothing (HTTP 429, TooManyRequestsException).
  'api.busy',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN = new Set<string>(ERROR_CODES);
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && KNOWN.has(value);
