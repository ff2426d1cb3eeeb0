export * from './audit-event.entity';
export * from './principal';
export * from './scoped-database';
export * from './tenant-context';
export * from './tenancy.module';
