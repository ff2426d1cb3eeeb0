import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@wmo/config';
import { createRootLogger } from '@wmo/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** For supertest: `request(t.server)`. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real API (same factory as `main.ts`) on a database of its own. */
export async function startTestApp(): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApiApp({ config, databaseUrl, logger: createRootLogger(config, 'wmo-test') });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: app.getHttpServer(),
    databaseUrl,
    close: async () => {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
