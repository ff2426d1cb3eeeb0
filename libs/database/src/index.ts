// Start-up and the command line: connection options, the embedded server, the migrator.
export { dataSourceOptions } from './data-source-options';
export type { SchemaDefinition } from './data-source-options';
export { EmbeddedPostgresServer } from './embedded-postgres.server';
export type { EmbeddedPostgresOptions } from './embedded-postgres.server';
export { migrateDatabase, pendingSchemaChanges } from './migrator';
export type { AfterMigrate, SchemaQuery } from './migrator';

// Entities: money columns as whole cents, foreign keys over several columns.
export { CentsColumn } from './cents-column';
export { CompositeJoinColumn } from './composite-join-column';
