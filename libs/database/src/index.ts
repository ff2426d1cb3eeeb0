export * from './data-source-options';
export * from './embedded-postgres.server';
export * from './migrator';
export * from './prepared-query';
export * from './cents-column';
