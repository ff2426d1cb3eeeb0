import { NestFactory } from '@nestjs/core';
import { createRootLogger, loadConfigOrExit, shutdownOnSignals, startDatabase } from '@wmo/runtime';
import { WorkerModule } from './worker.module';

/**
 * A worker process: takes invoice-run jobs from the shared PostgreSQL queue. Run as many as you
 * like next to the API (npm start also works jobs in the API process unless WORKER=0).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config, 'wmo-worker');
  const database = await startDatabase(config, logger);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, database.appUrl, database.ownerUrl),
  ).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  shutdownOnSignals(logger, async () => {
    await app.close();
    await database.stop();
  });
  await app.init();
  logger.info('Worker ready');
  process.stdout.write('Worker ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
