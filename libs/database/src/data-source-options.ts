import { Logger as NestLogger } from '@nestjs/common';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import type { MixedList } from 'typeorm/common/MixedList';
import { types } from 'pg';
import { parse as parseArray } from 'postgres-array';

// Calendar dates stay `YYYY-MM-DD` strings everywhere (see libs/domain calendar-date.ts); by
// default node-postgres would turn them into Date objects at local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
const DATE_ARRAY_OID = 1182;
types.setTypeParser(DATE_ARRAY_OID as never, (value: string) => parseArray(value));

export interface SchemaDefinition {
  // TypeORM's own list type: entity classes and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/** TypeORM log lines go to the application log (JSON) instead of the console. */
class NestTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');
  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ query, err: error }, 'Query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, ms: time }, 'Slow query');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.debug(message);
  }
}

/** The options every process (API, worker, CLI, tests) connects with. Never `synchronize`. */
export function dataSourceOptions(
  url: string,
  schema: SchemaDefinition,
  overrides: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, nothing the app role must be allowed to create.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logger: new NestTypeOrmLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 1000,
    applicationName: overrides.applicationName ?? 'wmo-api',
    extra: { max: overrides.poolSize ?? 10 },
  };
}
