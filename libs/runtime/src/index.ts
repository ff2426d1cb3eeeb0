// What the processes (api, worker, cli) do at start-up and shutdown, and the test set-up with them.
export { prepareDatabase, startDatabase } from './database-runtime';
export type { DatabaseRuntime, PreparedDatabase } from './database-runtime';
export { createRootLogger } from './logger';
export { loadConfigOrExit, shutdownOnSignals } from './process';

// The role the application connects as (not the owner, so row-level security applies).
export { APPLICATION_GROUP_ROLE, applicationUrl } from './app-role';
