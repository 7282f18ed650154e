import { badRequest } from './errors.js';

/** A parameter as ExecuteStatement receives it (the SDK's `SqlParameter`, blobs in base64). */
export interface SqlParameter {
  name?: string;
  value?: {
    isNull?: boolean;
    booleanValue?: boolean;
    longValue?: number;
    doubleValue?: number;
    stringValue?: string;
    blobValue?: string;
    arrayValue?: unknown;
  };
  typeHint?: 'DATE' | 'DECIMAL' | 'JSON' | 'TIME' | 'TIMESTAMP' | 'UUID';
}

export interface PositionalStatement {
  text: string;
  values: unknown[];
}

const HINT_CASTS: Record<NonNullable<SqlParameter['typeHint']>, string> = {
  DATE: 'date',
  DECIMAL: 'numeric',
  JSON: 'json',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  UUID: 'uuid',
};

/**
 * The type PostgreSQL gets for a parameter. The Data API binds through JDBC: a string is a
 * `varchar` unless a type hint says otherwise (so `uuid_column = :id` fails as it does in AWS), a
 * long is `int8`, a double `float8`. A null has no type, as JDBC's setNull leaves it to the server.
 */
function bind(parameter: SqlParameter): { value: unknown; cast: string | null } {
  const value = parameter.value ?? {};
  if (value.arrayValue !== undefined) throw badRequest('Array parameters are not supported.');
  if (value.isNull) return { value: null, cast: null };
  if (value.stringValue !== undefined) {
    return { value: value.stringValue, cast: parameter.typeHint ? HINT_CASTS[parameter.typeHint] : 'varchar' };
  }
  if (value.longValue !== undefined) return { value: value.longValue, cast: 'int8' };
  if (value.doubleValue !== undefined) return { value: value.doubleValue, cast: 'float8' };
  if (value.booleanValue !== undefined) return { value: value.booleanValue, cast: 'bool' };
  if (value.blobValue !== undefined) return { value: Buffer.from(value.blobValue, 'base64'), cast: 'bytea' };
  throw badRequest(`Parameter ${parameter.name ?? '(unnamed)'} has no value.`);
}

const NAME = /[A-Za-z0-9_]/;

/**
 * Rewrites `:name` placeholders into PostgreSQL's `$n::type`, skipping string literals, quoted
 * identifiers, dollar quotes, comments and `::` casts. A name without a parameter is left as it is
 * (PostgreSQL then reports the syntax error).
 */
export function toPositional(sql: string, parameters: readonly SqlParameter[] = []): PositionalStatement {
  const byName = new Map<string, SqlParameter>();
  for (const parameter of parameters) {
    if (!parameter.name) throw badRequest('Every parameter needs a name.');
    if (byName.has(parameter.name)) throw badRequest(`Parameter ${parameter.name} is given twice.`);
    byName.set(parameter.name, parameter);
  }
  const values: unknown[] = [];
  const numbers = new Map<string, number>();
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped > i) {
      out += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    const char = sql[i]!;
    if (char === ':' && sql[i + 1] === ':') {
      out += '::';
      i += 2;
      continue;
    }
    if (char === ':' && NAME.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && NAME.test(sql[end]!)) end++;
      const name = sql.slice(i + 1, end);
      const parameter = byName.get(name);
      if (parameter) {
        let number = numbers.get(name);
        const { value, cast } = bind(parameter);
        if (number === undefined) {
          values.push(value);
          number = values.length;
          numbers.set(name, number);
        }
        out += cast ? `$${number}::${cast}` : `$${number}`;
      } else {
        out += sql.slice(i, end);
      }
      i = end;
      continue;
    }
    out += char;
    i++;
  }
  // A parameter the statement never uses is still checked, as the service validates them all.
  for (const parameter of byName.values()) bind(parameter);
  return { text: out, values };
}

/** The index just past a literal, quoted identifier, dollar quote or comment starting at i; i if none. */
function skipQuoted(sql: string, i: number): number {
  const char = sql[i];
  const next = sql[i + 1];
  if (char === "'" || char === '"') {
    const backslashes = char === "'" && (sql[i - 1] === 'E' || sql[i - 1] === 'e');
    let j = i + 1;
    while (j < sql.length) {
      if (backslashes && sql[j] === '\\') j += 2;
      else if (sql[j] === char && sql[j + 1] === char) j += 2;
      else if (sql[j] === char) return j + 1;
      else j++;
    }
    return sql.length;
  }
  if (char === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return end === -1 ? sql.length : end + 1;
  }
  if (char === '/' && next === '*') {
    let depth = 0;
    let j = i;
    while (j < sql.length) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j += 2;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j += 2;
        if (depth === 0) return j;
      } else j++;
    }
    return sql.length;
  }
  if (char === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
    if (tag && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return end === -1 ? sql.length : end + tag[0].length;
    }
  }
  return i;
}
