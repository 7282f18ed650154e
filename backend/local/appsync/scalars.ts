/**
 * AppSync's built-in scalars (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html).
 * AppSync rejects malformed values on input and output; we do the same so that code which works
 * locally does not fail on AWS because of a sloppy date or e-mail string.
 */
import { GraphQLError, Kind, type GraphQLScalarType, type ValueNode } from 'graphql';

type Check = (value: string) => boolean;

const TZ = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?';
const dateRe = new RegExp(`^${DATE}${TZ}?$`);
const timeRe = new RegExp(`^${TIME}${TZ}?$`);
// AWSDateTime requires the offset, unlike AWSDate/AWSTime.
const dateTimeRe = new RegExp(`^${DATE}T${TIME}${TZ}$`);
const emailRe = /^[^\s@]+@[^\s@]+$/;
const phoneRe = /^\+?[\d\s\-().]{3,}$/;
const ipv4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;

const validDate = (v: string) => {
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
const validTime = (v: string) => {
  const [h, mi, s] = v.split(':').map((p) => parseInt(p, 10));
  return h! < 24 && mi! < 60 && (s === undefined || Number.isNaN(s) || s < 60);
};

const checks: Record<string, Check> = {
  AWSDate: (v) => dateRe.test(v) && validDate(v),
  AWSTime: (v) => timeRe.test(v) && validTime(v),
  AWSDateTime: (v) => dateTimeRe.test(v) && validDate(v) && validTime(v.slice(11)),
  AWSEmail: (v) => emailRe.test(v),
  AWSPhone: (v) => phoneRe.test(v) && /\d{3}/.test(v.replace(/\D/g, '')),
  AWSURL: (v) => {
    try {
      return /^[a-z][a-z0-9+.-]*:\/\/./i.test(v) && !!new URL(v);
    } catch {
      return false;
    }
  },
  AWSIPAddress: (v) =>
    ipv4.test(v)
      ? v
          .split('/')[0]!
          .split('.')
          .every((o) => Number(o) <= 255)
      : /^[0-9a-f:]+(\/\d{1,3})?$/i.test(v) && v.includes(':'),
};

function fail(name: string, value: unknown): never {
  throw new GraphQLError(`Unable to serialize \`${String(value)}\` as a valid ${name}.`);
}

function stringScalar(type: GraphQLScalarType, check: Check) {
  const accept = (value: unknown) => {
    if (typeof value !== 'string' || !check(value)) fail(type.name, value);
    return value;
  };
  type.serialize = accept;
  type.parseValue = accept;
  type.parseLiteral = (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) fail(type.name, 'non-string literal');
    return accept(ast.value);
  };
}

/** AWSJSON travels as a JSON string; resolvers receive (and may return) the parsed value. */
function jsonScalar(type: GraphQLScalarType) {
  const parse = (value: unknown) => {
    if (typeof value !== 'string') fail(type.name, value);
    try {
      return JSON.parse(value) as unknown;
    } catch {
      fail(type.name, value);
    }
  };
  type.serialize = (value: unknown) => {
    if (typeof value === 'string') {
      parse(value); // already JSON text: AppSync passes it through once it is valid
      return value;
    }
    return JSON.stringify(value);
  };
  type.parseValue = parse;
  type.parseLiteral = (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined);
}

/** AWSTimestamp: seconds since the epoch, an integer. */
function timestampScalar(type: GraphQLScalarType) {
  const accept = (value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) fail(type.name, value);
    return value;
  };
  type.serialize = accept;
  type.parseValue = accept;
  type.parseLiteral = (ast: ValueNode) => accept(ast.kind === Kind.INT ? Number(ast.value) : undefined);
}

export const AWS_SCALARS = [
  'AWSDate',
  'AWSTime',
  'AWSDateTime',
  'AWSTimestamp',
  'AWSEmail',
  'AWSJSON',
  'AWSURL',
  'AWSPhone',
  'AWSIPAddress',
];

/** Gives the placeholder scalars created by buildSchema their AppSync behaviour (in place). */
export function implementScalar(type: GraphQLScalarType): void {
  if (type.name === 'AWSJSON') jsonScalar(type);
  else if (type.name === 'AWSTimestamp') timestampScalar(type);
  else if (checks[type.name]) stringScalar(type, checks[type.name]!);
}
