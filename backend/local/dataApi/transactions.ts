import { randomBytes } from 'node:crypto';
import { DataApiException, databaseError, transactionNotFound } from './errors.js';
import type { Session, SessionSource } from './sessions.js';

interface OpenTransaction {
  session: Session;
  /** Statements of one transaction run one after another, as on one JDBC connection. */
  tail: Promise<unknown>;
  timer: NodeJS.Timeout;
}

/** Why a request named a transaction id the service does not hold. */
export interface Refusal {
  operation: string;
  transactionId: string;
  /** True when the id was one this stand-in had handed out and that has since ended. */
  finished: boolean;
}

/**
 * Transactions by id, as the Data API keeps them: BeginTransaction lends a connection and returns
 * an opaque id; statements naming it run on that connection; commit or rollback ends it and
 * returns the connection. An unknown or ended id is refused (TransactionNotFoundException); a
 * transaction left idle for `idleMs` (3 minutes in AWS) is rolled back.
 */
export class Transactions {
  readonly #open = new Map<string, OpenTransaction>();
  readonly #ended = new Set<string>();
  readonly refusals: Refusal[] = [];

  constructor(
    private readonly source: SessionSource,
    private readonly idleMs: number,
  ) {}

  async begin(): Promise<string> {
    const session = await this.source.acquire();
    try {
      await session.run('begin', []);
    } catch (error) {
      session.release();
      throw databaseError(error);
    }
    const id = randomBytes(138).toString('base64');
    this.#open.set(id, { session, tail: Promise.resolve(), timer: this.#expireLater(id) });
    return id;
  }

  /** Runs `work` on the transaction's connection, after the statements sent before it. */
  run<T>(operation: string, id: string, work: (session: Session) => Promise<T>): Promise<T> {
    const open = this.#lookup(operation, id);
    clearTimeout(open.timer);
    open.timer = this.#expireLater(id);
    const result = open.tail.then(() => work(open.session));
    open.tail = result.catch(() => undefined);
    return result;
  }

  async end(operation: 'CommitTransaction' | 'RollbackTransaction', id: string): Promise<void> {
    const open = this.#lookup(operation, id);
    this.#forget(id, open);
    await open.tail;
    try {
      const { command } = await open.session.run(operation === 'CommitTransaction' ? 'commit' : 'rollback', []);
      if (operation === 'CommitTransaction' && command === 'ROLLBACK') {
        // PostgreSQL answers COMMIT of a failed transaction by rolling it back; JDBC reports that.
        throw new DataApiException(
          'DatabaseErrorException',
          'ERROR: The database returned ROLLBACK, so the transaction cannot be committed.; SQLState: 25P02',
        );
      }
    } catch (error) {
      throw error instanceof DataApiException ? error : databaseError(error);
    } finally {
      open.session.release();
    }
  }

  /** Rolls back whatever is still open (the stand-in is closing). */
  async closeAll(): Promise<void> {
    for (const id of [...this.#open.keys()]) await this.end('RollbackTransaction', id).catch(() => undefined);
  }

  get openCount(): number {
    return this.#open.size;
  }

  #lookup(operation: string, id: string): OpenTransaction {
    const open = this.#open.get(id);
    if (open) return open;
    this.refusals.push({ operation, transactionId: id, finished: this.#ended.has(id) });
    throw transactionNotFound(id);
  }

  #forget(id: string, open: OpenTransaction): void {
    clearTimeout(open.timer);
    this.#open.delete(id);
    this.#ended.add(id);
  }

  #expireLater(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.end('RollbackTransaction', id).catch(() => undefined), this.idleMs);
    timer.unref();
    return timer;
  }
}
