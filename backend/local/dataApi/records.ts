import { DataApiException } from './errors.js';
import { parseArrayLiteral } from './pgArray.js';

/** A column of a result as PostgreSQL describes it, and what pg_type says of its type. */
export interface ResultField {
  name: string;
  dataTypeID: number;
}
export interface PgType {
  name: string;
  /** The element type of an array type, else 0. */
  element: number;
  category: string;
}

/** A big integer kept as its digits until the body is written, as the service writes them. */
export class LongDigits {
  constructor(readonly digits: string) {}
}

export type Field =
  | { isNull: true }
  | { booleanValue: boolean }
  | { longValue: number | LongDigits }
  | { doubleValue: number }
  | { stringValue: string }
  | { blobValue: string }
  | { arrayValue: ArrayValue };
export type ArrayValue =
  | { stringValues: string[] }
  | { longValues: (number | LongDigits)[] }
  | { doubleValues: number[] }
  | { booleanValues: boolean[] }
  | Record<string, never>;

export interface ResultOptions {
  decimalReturnType?: 'STRING' | 'DOUBLE_OR_LONG';
  longReturnType?: 'LONG' | 'STRING';
}

const LONG_TYPES = new Set(['int2', 'int4', 'int8', 'oid']);
const DOUBLE_TYPES = new Set(['float4', 'float8']);

/** JDBC's type codes, which the service reports in `columnMetadata[].type`. */
const JDBC_TYPES: Record<string, number> = {
  bool: -7,
  int2: 5,
  int4: 4,
  int8: -5,
  float4: 7,
  float8: 8,
  numeric: 2,
  bytea: -2,
  date: 91,
  time: 92,
  timestamp: 93,
  timestamptz: 93,
  text: 12,
  varchar: 12,
  bpchar: 1,
};

/**
 * One value as the Data API returns it: integers as `longValue`, floats as `doubleValue`, numerics
 * and dates as strings (timestamps in UTC, `YYYY-MM-DD HH:MM:SS.fff`, no offset), bytea as a blob,
 * one-dimensional arrays as `arrayValue`. An empty array comes back with no member at all, the
 * harsher of the answers the service is reported to give: the SDK then reads it as null.
 */
export function toField(
  raw: string | null,
  type: PgType | undefined,
  types: Map<number, PgType>,
  options: ResultOptions,
): Field {
  if (raw === null) return { isNull: true };
  const name = type?.name ?? 'unknown';
  if (name === 'bool') return { booleanValue: raw === 't' };
  if (LONG_TYPES.has(name))
    return options.longReturnType === 'STRING' ? { stringValue: raw } : { longValue: new LongDigits(raw) };
  if (DOUBLE_TYPES.has(name) && Number.isFinite(Number(raw))) return { doubleValue: Number(raw) };
  if (name === 'numeric' && options.decimalReturnType === 'DOUBLE_OR_LONG') {
    return /^-?\d+$/.test(raw) ? { longValue: new LongDigits(raw) } : { doubleValue: Number(raw) };
  }
  if (name === 'bytea') return { blobValue: Buffer.from(raw.slice(2), 'hex').toString('base64') };
  if (name === 'timestamp' || name === 'timestamptz') return { stringValue: jdbcTimestamp(raw) };
  if (type && type.category === 'A') return { arrayValue: toArrayValue(raw, types.get(type.element)) };
  return { stringValue: raw };
}

function toArrayValue(raw: string, element: PgType | undefined): ArrayValue {
  const items = parseArrayLiteral(raw);
  if (items.some((item) => Array.isArray(item))) {
    throw new DataApiException('UnsupportedResultException', 'The result contains a multidimensional array.');
  }
  if (items.some((item) => item === null)) {
    throw new DataApiException('UnsupportedResultException', 'The result contains an array with a null element.');
  }
  const values = items as string[];
  if (values.length === 0) return {};
  const name = element?.name ?? 'text';
  if (name === 'bool') return { booleanValues: values.map((v) => v === 't') };
  if (LONG_TYPES.has(name)) return { longValues: values.map((v) => new LongDigits(v)) };
  if (DOUBLE_TYPES.has(name)) return { doubleValues: values.map(Number) };
  if (name === 'timestamp' || name === 'timestamptz') return { stringValues: values.map(jdbcTimestamp) };
  return { stringValues: values };
}

/** `2026-03-01 10:00:00.123456+00` → `2026-03-01 10:00:00.123` (the session runs in UTC). */
function jdbcTimestamp(raw: string): string {
  const match = /^(\d{4,}-\d\d-\d\d \d\d:\d\d:\d\d)(\.\d+)?/.exec(raw);
  if (!match) return raw; // infinity, -infinity
  return match[1]! + (match[2] ? match[2].slice(0, 4) : '');
}

export function columnMetadata(fields: readonly ResultField[], types: Map<number, PgType>) {
  return fields.map((field) => {
    const type = types.get(field.dataTypeID);
    const typeName = type?.name ?? 'unknown';
    return {
      name: field.name,
      label: field.name,
      typeName,
      type: type?.category === 'A' ? 2003 : (JDBC_TYPES[typeName] ?? 1111),
      arrayBaseColumnType: 0,
      isAutoIncrement: false,
      isCaseSensitive: type?.category === 'S',
      isCurrency: false,
      isSigned: type?.category === 'N',
      nullable: 2,
      precision: 0,
      scale: 0,
      schemaName: '',
      tableName: '',
    };
  });
}

const MARK = '\u0000long:';

/**
 * The response body. Long values are written with all their digits (a client parsing JSON numbers
 * loses precision past 2^53, as it would with AWS), and the records count against the service's
 * 1 MiB response limit.
 */
export function responseBody(body: Record<string, unknown>, limitBytes: number): string {
  const json = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof LongDigits ? `${MARK}${value.digits}` : value,
  ).replace(/"\\u0000long:(-?\d+)"/g, '$1');
  if (body.records !== undefined && Buffer.byteLength(json) > limitBytes) {
    throw new DataApiException(
      'UnsupportedResultException',
      'Database returned more than the allowed response size limit',
    );
  }
  return json;
}
