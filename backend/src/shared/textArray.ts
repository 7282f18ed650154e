import { sql, type RawBuilder } from 'kysely';

/**
 * A text[] value for an insert or update. The RDS Data API takes no array parameters, so the
 * array travels as one comma-joined string and PostgreSQL splits it (the values never hold commas:
 * Cognito group names).
 */
export function textArray(values: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`string_to_array(${values.join(',')}, ',')`;
}
