/**
 * The Data API's refusals, as the AWS SDK reads them (REST-JSON: the HTTP status, the
 * `x-amzn-errortype` header naming the exception, `{ message }` in the body). The SDK turns each
 * into an error whose `name` is the exception and whose `message` is ours.
 */
export type DataApiExceptionName =
  | 'BadRequestException'
  | 'DatabaseErrorException'
  | 'NotFoundException'
  | 'TransactionNotFoundException'
  | 'UnsupportedResultException';

export class DataApiException extends Error {
  constructor(
    readonly exception: DataApiExceptionName,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = exception;
  }
}

export const badRequest = (message: string) => new DataApiException('BadRequestException', message);

/** The service's words for an id it does not hold: never begun, committed, rolled back or expired. */
export const transactionNotFound = (id: string) =>
  new DataApiException('TransactionNotFoundException', `Transaction ${id} is not found`);

/** What PostgreSQL (PGlite or node-postgres) puts on a failed statement's error. */
interface PostgresError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  position?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * A statement PostgreSQL refused. The Data API speaks through the PostgreSQL JDBC driver and hands
 * its message on: `ERROR: <message>`, the detail, hint and position lines, then `; SQLState: <code>`.
 * The SQLSTATE is only in that text, never a field of its own.
 */
export function databaseError(error: unknown): DataApiException {
  if (!isPostgresError(error)) return new DataApiException('DatabaseErrorException', String(error));
  const lines = [`ERROR: ${error.message}`];
  if (error.detail) lines.push(`  Detail: ${error.detail}`);
  if (error.hint) lines.push(`  Hint: ${error.hint}`);
  if (error.position) lines.push(`  Position: ${error.position}`);
  return new DataApiException('DatabaseErrorException', `${lines.join('\n')}; SQLState: ${error.code}`);
}
