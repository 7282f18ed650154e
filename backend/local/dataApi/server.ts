import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataApiException, badRequest, databaseError } from './errors.js';
import { columnMetadata, responseBody, toField, type ResultOptions } from './records.js';
import { TypeCatalog, type Session, type SessionSource } from './sessions.js';
import { toPositional, type SqlParameter } from './statement.js';
import { Transactions } from './transactions.js';

/** The cluster, secret and database this stand-in answers for; requests naming others are refused. */
export interface DataApiIdentity {
  clusterArn: string;
  secretArn: string;
  database: string;
}

interface ExecuteRequest {
  resourceArn?: string;
  secretArn?: string;
  database?: string;
  sql?: string;
  parameters?: SqlParameter[];
  transactionId?: string;
  includeResultMetadata?: boolean;
  resultSetOptions?: ResultOptions;
  formatRecordsAs?: string;
}

export interface StandInCounters {
  requests: number;
  statements: number;
  transactions: number;
}

const RESPONSE_LIMIT = 1024 * 1024;

/** The REST paths of the five operations the stand-in serves, as the AWS SDK calls them. */
export class DataApiServer {
  readonly transactions: Transactions;
  readonly counters: StandInCounters = { requests: 0, statements: 0, transactions: 0 };
  readonly #types = new TypeCatalog();
  readonly #server: Server;

  constructor(
    private readonly source: SessionSource,
    private readonly identity: DataApiIdentity,
    idleMs: number,
  ) {
    this.transactions = new Transactions(source, idleMs);
    this.#server = createServer((req, res) => void this.#answer(req, res));
  }

  /** Listens on 127.0.0.1 only, on `port` (0: any free port); resolves to the endpoint URL. */
  listen(port = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        const { port: bound } = this.#server.address() as AddressInfo;
        resolve(`http://127.0.0.1:${bound}`);
      });
    });
  }

  async close(): Promise<void> {
    await this.transactions.closeAll();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.counters.requests++;
    try {
      const body = await readJson(req);
      const answer = await this.#operate(req.method ?? '', (req.url ?? '').split('?')[0]!, body);
      const text = responseBody(answer, RESPONSE_LIMIT);
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    } catch (error) {
      const refusal = error instanceof DataApiException ? error : databaseError(error);
      res
        .writeHead(refusal.status, { 'content-type': 'application/json', 'x-amzn-errortype': refusal.exception })
        .end(JSON.stringify({ message: refusal.message }));
    }
  }

  async #operate(method: string, path: string, body: ExecuteRequest): Promise<Record<string, unknown>> {
    if (method !== 'POST') throw new DataApiException('NotFoundException', `No operation at ${method} ${path}.`, 404);
    this.#checkTarget(body);
    switch (path) {
      case '/BeginTransaction':
        this.counters.transactions++;
        return { transactionId: await this.transactions.begin() };
      case '/CommitTransaction':
        await this.transactions.end('CommitTransaction', required(body, 'transactionId'));
        return { transactionStatus: 'Transaction Committed' };
      case '/RollbackTransaction':
        await this.transactions.end('RollbackTransaction', required(body, 'transactionId'));
        return { transactionStatus: 'Rollback Complete' };
      case '/Execute':
        return this.#execute(body);
      default:
        throw new DataApiException(
          'NotFoundException',
          `${path.slice(1)} is not served by the Data API stand-in.`,
          404,
        );
    }
  }

  #checkTarget(body: ExecuteRequest): void {
    if (body.resourceArn !== this.identity.clusterArn)
      throw badRequest(`Unknown resource ARN: ${body.resourceArn ?? '(none)'}.`);
    if (body.secretArn !== this.identity.secretArn)
      throw badRequest(`Unknown secret ARN: ${body.secretArn ?? '(none)'}.`);
    if (body.database !== undefined && body.database !== this.identity.database) {
      throw badRequest(`Database ${body.database} does not exist.`);
    }
  }

  async #execute(body: ExecuteRequest): Promise<Record<string, unknown>> {
    const sql = required(body, 'sql');
    if (body.formatRecordsAs && body.formatRecordsAs !== 'NONE') {
      throw badRequest('formatRecordsAs is not served by the Data API stand-in.');
    }
    const statement = toPositional(sql, body.parameters);
    this.counters.statements++;
    const run = async (session: Session) => {
      let result;
      try {
        result = await session.run(statement.text, statement.values);
      } catch (error) {
        throw databaseError(error);
      }
      if (!result.fields.length) return { numberOfRecordsUpdated: result.affectedRows, generatedFields: [] };
      const types = await this.#types.forFields(result.fields, session);
      const options = body.resultSetOptions ?? {};
      const records = result.rows.map((row) =>
        row.map((raw, i) => toField(raw, types.get(result.fields[i]!.dataTypeID), types, options)),
      );
      return {
        records,
        numberOfRecordsUpdated: result.affectedRows,
        ...(body.includeResultMetadata ? { columnMetadata: columnMetadata(result.fields, types) } : {}),
      };
    };
    if (body.transactionId) return this.transactions.run('ExecuteStatement', body.transactionId, run);
    const session = await this.source.acquire();
    try {
      return await run(session);
    } finally {
      session.release();
    }
  }
}

function required(body: ExecuteRequest, key: 'sql' | 'transactionId'): string {
  const value = body[key];
  if (typeof value !== 'string' || !value) throw badRequest(`${key} is required.`);
  return value;
}

function readJson(req: IncomingMessage): Promise<ExecuteRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as ExecuteRequest) : {});
      } catch {
        reject(badRequest('The request body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}
