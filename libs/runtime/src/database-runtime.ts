import type { Logger } from 'pino';
import { AppConfig } from '@wmo/config';
import { EmbeddedPostgresServer, migrateDatabase } from '@wmo/database';
import { loadBundledReferenceData } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';

export interface DatabaseRuntime {
  url: string;
  /** Stops the embedded server if this process started it; a no-op for an external server. */
  stop(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR when it is not set;
 * then migrates and loads the bundled reference data under the schema lock.
 */
export async function startDatabase(config: AppConfig, logger: Logger): Promise<DatabaseRuntime> {
  let server: EmbeddedPostgresServer | null = null;
  if (!config.DATABASE_URL) {
    logger.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    server = await EmbeddedPostgresServer.start({
      dataDir: config.DATA_DIR,
      log: (message) => logger.debug({ component: 'embedded-postgres' }, message),
    });
    logger.info({ port: server.port, startedHere: server.ownsServer }, 'Embedded PostgreSQL is ready');
  }
  const url = config.DATABASE_URL ?? server!.url;
  try {
    await migrateDatabase(url, SCHEMA, [(dataSource) => loadBundledReferenceData(dataSource).then(() => undefined)]);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    url,
    stop: async () => {
      if (server?.ownsServer) {
        logger.info('Stopping the embedded PostgreSQL');
        await server.stop();
      }
    },
  };
}
