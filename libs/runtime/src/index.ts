export * from './database-runtime';
export * from './logger';
export * from './process';
export * from './nest-logger';
export * from './app-role';
