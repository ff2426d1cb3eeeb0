import { createRootLogger, loadConfigOrExit, shutdownOnSignals, startDatabase } from '@wmo/runtime';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config, 'wmo-api');
  const database = await startDatabase(config, logger);
  const app = await createApiApp({
    config,
    databaseUrl: database.appUrl,
    ownerUrl: database.ownerUrl,
    jwtSecret: database.jwtSecret,
    logger,
  }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  // In this order: no more requests; then the jobs this process works (Nest's shutdown hooks) and
  // the pools; then the embedded PostgreSQL. (app.close() alone would end the jobs before HTTP.)
  shutdownOnSignals(logger, async () => {
    await app.getHttpAdapter().close();
    logger.info('HTTP server closed');
    await app.close();
    await database.stop();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = `http://localhost:${port}`;
  logger.info({ port }, 'API listening');
  const demo = database.demoUsers
    ? `\nDemo logins (password "${config.DEMO_PASSWORD}"):\n${database.demoUsers.map((u) => `  ${u.email.padEnd(26)} ${u.roles.join(', ')}`).join('\n')}\n`
    : '';
  process.stdout.write(
    `\nLuisterend oor platform is running.\n  Portal: ${base}/\n  API:    ${base}/api/v1\n  Docs:   ${base}/api/docs\n  Health: ${base}/health\n${demo}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
