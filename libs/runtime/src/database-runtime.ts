import type { Logger } from 'pino';
import { AppConfig, demoEnabled, demoWarning } from '@wmo/config';
import { EmbeddedPostgresServer, migrateDatabase } from '@wmo/database';
import { seedDemoData } from '@wmo/demo';
import { ensureMunicipalityOrganisations, instanceSecret, UserSeed } from '@wmo/identity';
import { invoiceRunQueue } from '@wmo/invoicing';
import { prepareJobQueue } from '@wmo/jobs';
import { webhookQueue } from '@wmo/notifications';
import { evaluationQueue } from '@wmo/compliance';
import { loadBundledReferenceData } from '@wmo/reference-data';
import { SCHEMA } from '@wmo/schema';
import { APPLICATION_GROUP_ROLE, applicationUrl, ensureApplicationRole } from './app-role';

export interface PreparedDatabase {
  /** The schema owner: migrations, reference data, the command line. */
  ownerUrl: string;
  /** The application role: not the owner, so row-level security applies. */
  appUrl: string;
  jwtSecret: string;
  /** The demo logins when demo data was seeded. */
  demoUsers: UserSeed[] | null;
}

export interface DatabaseRuntime extends PreparedDatabase {
  /** Stops the embedded server if this process started it; a no-op for an external server. */
  stop(): Promise<void>;
}

/**
 * Brings a database up to date, under the schema lock: migrations (which grant the application's
 * privileges to its group role), CBS reference data, one organisation per municipality, the job
 * queue, the login role's membership, the generated JWT key, and the demo data where it belongs.
 * Every step is idempotent.
 */
export async function prepareDatabase(ownerUrl: string, config: AppConfig): Promise<PreparedDatabase> {
  const appUrl = applicationUrl(ownerUrl, config.DATABASE_APP_URL);
  let jwtSecret = config.JWT_SECRET;
  let demoUsers: UserSeed[] | null = null;
  await migrateDatabase(ownerUrl, SCHEMA, [
    (dataSource) => loadBundledReferenceData(dataSource).then(() => undefined),
    (dataSource) => ensureMunicipalityOrganisations(dataSource),
    () =>
      prepareJobQueue(
        ownerUrl,
        [
          invoiceRunQueue(config.JOB_EXPIRE_SECONDS),
          webhookQueue(config.WEBHOOK_RETRY_DELAY_SECONDS, config.WEBHOOK_RETRY_LIMIT),
          evaluationQueue(),
        ],
        APPLICATION_GROUP_ROLE,
      ),
    (dataSource) => ensureApplicationRole(dataSource, appUrl),
    async (dataSource) => {
      jwtSecret ??= await instanceSecret(dataSource, 'jwt');
    },
    async (dataSource) => {
      if (demoEnabled(config)) demoUsers = await seedDemoData(dataSource, config.DEMO_PASSWORD);
    },
  ]);
  return { ownerUrl, appUrl, jwtSecret: jwtSecret!, demoUsers };
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under DATA_DIR when it is not set;
 * then prepares the database.
 */
export async function startDatabase(config: AppConfig, logger: Logger): Promise<DatabaseRuntime> {
  let server: EmbeddedPostgresServer | null = null;
  if (!config.DATABASE_URL) {
    logger.info({ dataDir: config.DATA_DIR }, 'DATABASE_URL is not set: starting the embedded PostgreSQL');
    server = await EmbeddedPostgresServer.start({
      dataDir: config.DATA_DIR,
      log: (message) => logger.debug({ component: 'embedded-postgres' }, message),
    });
    logger.info(
      { port: server.port, startedHere: server.ownsServer && !server.adopted, adopted: server.adopted },
      'Embedded PostgreSQL is ready',
    );
  }
  const ownerUrl = config.DATABASE_URL ?? server!.url;
  try {
    const prepared = await prepareDatabase(ownerUrl, config);
    const warning = prepared.demoUsers ? demoWarning(config) : null;
    if (warning) logger.warn(warning);
    return {
      ...prepared,
      stop: async () => {
        if (server?.ownsServer) {
          logger.info('Stopping the embedded PostgreSQL');
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
