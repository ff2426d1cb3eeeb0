import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { loadConfig } from '@wmo/config';
import { applicationUrl, createRootLogger } from '@wmo/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TEST_JWT_SECRET } from './database-names';
import { createTestDatabase, dropTestDatabase } from './test-database';

export const DEMO_PASSWORD = 'welkom-demo';

/** supertest with the caller's credentials already set. */
export interface Client {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** For supertest: `request(t.server)`. */
  server: ReturnType<NestFastifyApplication['getHttpServer']>;
  /** The owner's URL of this spec's own database (migrated template copy, demo users included). */
  databaseUrl: string;
  /** Signs in (once per e-mail) and returns a client that sends the access token. */
  as(email: string, password?: string): Promise<Client>;
  /** A client with a raw Authorization value, or none. */
  withAuthorization(value?: string, header?: string): Client;
  login(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  close(): Promise<void>;
}

/** The real API (same factory as `main.ts`) on a database of its own, connected as the application role. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // No automatic daily evaluation in the middle of a spec: the specs that need one ask for it.
    EVALUATION_START_DELAY_SECONDS: '86400',
    ...overrides,
  });
  const app = await createApiApp({
    config,
    databaseUrl: applicationUrl(databaseUrl),
    ownerUrl: databaseUrl,
    jwtSecret: TEST_JWT_SECRET,
    logger: createRootLogger(config, 'wmo-test'),
  });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();

  const withAuthorization = (value?: string, header = 'Authorization'): Client => {
    const wrap = (test: request.Test) => (value ? test.set(header, value) : test);
    return {
      get: (url) => wrap(request(server).get(url)),
      post: (url) => wrap(request(server).post(url)),
      put: (url) => wrap(request(server).put(url)),
      patch: (url) => wrap(request(server).patch(url)),
      delete: (url) => wrap(request(server).delete(url)),
    };
  };
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await request(server).post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { accessToken: string; refreshToken: string };
  };
  return {
    app,
    server,
    databaseUrl,
    login,
    withAuthorization,
    as: async (email, password) => {
      if (!tokens.has(email)) tokens.set(email, (await login(email, password)).accessToken);
      return withAuthorization(`Bearer ${tokens.get(email)}`);
    },
    close: async () => {
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

/**
 * A spec file's app and a client for each e-mail (demo password), in that order: for its
 * `beforeAll(async () => ([t, vng] = await startSignedIn('vng@demo.nl')))`; `t.close()` after.
 */
export async function startSignedIn(...emails: string[]): Promise<[TestApp, ...Client[]]> {
  const t = await startTestApp();
  return [t, ...(await Promise.all(emails.map((email) => t.as(email))))];
}

/** Listens once on a port of its own, so that concurrent supertest requests share one server. */
export function listenOnce(t: TestApp): Promise<void> {
  return new Promise((resolve) => t.server.listen(0, '127.0.0.1', () => resolve()));
}

/** Polls an invoice run until it is COMPLETED or FAILED, and returns it (typed by the caller). */
export async function waitForRun<T = { id: string; status: string }>(
  client: Client,
  id: string,
  timeoutMs = 90_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const res = await client.get(`/api/v1/invoice-runs/${id}`).expect(200);
    if (res.body.status === 'COMPLETED' || res.body.status === 'FAILED') return res.body as T;
    if (Date.now() - started > timeoutMs) throw new Error(`run ${id} did not finish: ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
