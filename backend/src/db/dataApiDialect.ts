import { PostgresAdapter, type DatabaseIntrospector, type Dialect, type Kysely, type QueryCompiler } from 'kysely';
import { DataApiDialect } from 'kysely-data-api';
import { DataApiDriver, type DataApiDriverConfig } from './dataApiDriver.js';

/**
 * Kysely on Aurora through the RDS Data API: kysely-data-api's query compiler (named parameters
 * `:0`, `:1`… with the Data API's value kinds) and introspector, with our driver and adapter.
 */
export class AuroraDataApiDialect implements Dialect {
  readonly #compilerAndIntrospector: DataApiDialect;

  constructor(private readonly config: DataApiDriverConfig) {
    this.#compilerAndIntrospector = new DataApiDialect({ mode: 'postgres', driver: config });
  }

  createAdapter(): PostgresAdapter {
    return new DataApiMigrationAdapter();
  }

  createDriver(): DataApiDriver {
    return new DataApiDriver(this.config);
  }

  createQueryCompiler(): QueryCompiler {
    return this.#compilerAndIntrospector.createQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.#compilerAndIntrospector.createIntrospector(db);
  }
}

/**
 * Kysely's migrator guards itself with a session-level advisory lock taken and released by two
 * separate statements. Through the Data API each autocommit statement may run on another pooled
 * connection, so the unlock can miss the lock and leave it held on a connection nobody owns, and
 * the next deploy's migrator would wait on it. Huddle migrates from one place only, the deploy
 * Trigger, which CloudFormation runs once per stack update: no lock is taken.
 */
class DataApiMigrationAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}
