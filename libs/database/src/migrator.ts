import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { dataSourceOptions, SchemaDefinition } from './data-source-options';

/** One key for every process that prepares the schema; PostgreSQL serialises them on it. */
const SCHEMA_LOCK_KEY = 2_152_024_2015;

export type AfterMigrate = (dataSource: DataSource) => Promise<void>;

/**
 * Brings the database to the current schema and runs the given idempotent steps (reference
 * data), all under one PostgreSQL advisory lock: when several API and worker processes start
 * together, one migrates and the others wait, then find nothing left to do.
 */
export async function migrateDatabase(
  url: string,
  schema: SchemaDefinition,
  afterMigrate: AfterMigrate[] = [],
): Promise<string[]> {
  const logger = new Logger('Migrations');
  const dataSource = new DataSource(dataSourceOptions(url, schema, { poolSize: 2, applicationName: 'wmo-migrate' }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length)
        logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      for (const step of afterMigrate) await step(dataSource);
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

export interface SchemaQuery {
  query: string;
  parameters?: unknown[];
}

/**
 * The SQL that would bring the migrated schema in line with the entities: empty when they agree.
 * Used by the migration generator and by the test that fails CI on drift. It reads the schema
 * through a data source of its own with the same options (see OneQueryAtATimeDataSource).
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: SchemaQuery[]; down: SchemaQuery[] }> {
  const reader = await new OneQueryAtATimeDataSource(dataSource.options).initialize();
  try {
    const sql = await reader.driver.createSchemaBuilder().log();
    const plain = (query: SchemaQuery) => ({
      query: query.query,
      ...(query.parameters?.length ? { parameters: query.parameters } : {}),
    });
    return { up: sql.upQueries.map(plain), down: sql.downQueries.map(plain) };
  } finally {
    await reader.destroy();
  }
}

/**
 * TypeORM's schema reader (`getTables`) sends its catalogue queries with `Promise.all` on the one
 * connection of its query runner. node-postgres queues them, but deprecates calling
 * `client.query()` while a query runs (pg 9 will refuse). The server runs them one after the
 * other either way; here each runner's queries wait for the previous one instead.
 */
class OneQueryAtATimeDataSource extends DataSource {
  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    const runner = super.createQueryRunner(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    let previous: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: unknown[]) => {
      const result = previous.then(() => query(...args));
      previous = result.catch(() => undefined);
      return result;
    }) as QueryRunner['query'];
    return runner;
  }
}
