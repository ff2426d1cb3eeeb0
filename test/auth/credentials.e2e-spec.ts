import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { loadConfig } from '@wmo/config';
import { applicationUrl, createRootLogger } from '@wmo/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { TEST_JWT_SECRET } from '../support/database-names';
import { sql } from '../support/test-database';
import { Client, listenOnce, startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'een-lang-wachtwoord';

/** Polls `check` until it is true; answers how long that took (ms), or throws after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Credentials: the sign-in lock holds against parallel guesses, nobody grants more than they
 * hold, and role changes, deactivation and logout end access tokens at once, in every API process
 * on the database.
 */
describe('credentials', () => {
  let t: TestApp;
  let operator: Client;
  let vng: Client;
  let vngId: string;

  const userCount = async () =>
    Number((await sql<{ count: string }>(t.databaseUrl, 'SELECT count(*) FROM app_user'))[0].count);
  const bearer = (token: string) => t.withAuthorization(`Bearer ${token}`);
  /** A VNG user made by the operator, and a fresh session of theirs. */
  const vngUser = async (email: string, roles: string[]) => {
    const created = await operator
      .post('/api/v1/users')
      .send({ email, name: email, roles, password: PASSWORD, organisationId: vngId })
      .expect(201);
    return { id: created.body.id as string, ...(await t.login(email, PASSWORD)) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await listenOnce(t);
    operator = await t.as('operator@demo.nl');
    vng = await t.as('vng@demo.nl');
    vngId = (await vng.get('/api/v1/me').expect(200)).body.organisation.id;
  });
  afterAll(() => t.close());

  describe('the sign-in lock', () => {
    it('60 parallel wrong passwords for one address: at most 5 are checked (401), the rest 429; then the right password is refused too', async () => {
      const email = 'finance.gm0363@demo.nl';
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          request(t.server)
            .post('/api/v1/auth/login')
            .send({ email, password: `wrong-password-${i}` }),
        ),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(55);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      const locked = await request(t.server).post('/api/v1/auth/login').send({ email, password: 'welkom-demo' });
      expect([locked.status, locked.body.type]).toEqual([429, '/problems/login-throttled']);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('nobody grants roles they do not hold', () => {
    it('an API key holding only ORG_ADMIN cannot create a CONTRACT_MANAGER (422), and nothing is created', async () => {
      const key = await vng
        .post('/api/v1/api-keys')
        .send({ name: 'beheer', roles: ['ORG_ADMIN'] })
        .expect(201);
      const asKey = t.withAuthorization(key.body.secret, 'X-Api-Key');
      const before = await userCount();
      const res = await asKey
        .post('/api/v1/users')
        .send({
          email: 'breder@vng.test',
          name: 'Breder',
          roles: ['CONTRACT_MANAGER', 'ORG_ADMIN'],
          password: PASSWORD,
        })
        .expect(422);
      expect(res.body.type).toBe('/problems/roles-too-wide');
      expect(res.body.detail).toContain('CONTRACT_MANAGER');
      expect(await userCount()).toBe(before);
      await request(t.server)
        .post('/api/v1/auth/login')
        .send({ email: 'breder@vng.test', password: PASSWORD })
        .expect(401);
      // What the key holds it may give.
      await asKey
        .post('/api/v1/users')
        .send({ email: 'beheer2@vng.test', name: 'Beheer', roles: ['ORG_ADMIN'], password: PASSWORD })
        .expect(201);
    });

    it('an ORG_ADMIN without CONTRACT_MANAGER cannot give it, nor change someone to it (422)', async () => {
      const admin = await vngUser('alleen-beheer@vng.test', ['ORG_ADMIN']);
      const asAdmin = bearer(admin.accessToken);
      const before = await userCount();
      await asAdmin
        .post('/api/v1/users')
        .send({ email: 'cm@vng.test', name: 'CM', roles: ['CONTRACT_MANAGER'], password: PASSWORD })
        .expect(422);
      expect(await userCount()).toBe(before);
      const colleague = await vngUser('collega@vng.test', ['ORG_ADMIN']);
      await asAdmin
        .patch(`/api/v1/users/${colleague.id}`)
        .send({ roles: ['CONTRACT_MANAGER', 'ORG_ADMIN'] })
        .expect(422);
    });
  });

  describe('changes take effect for access tokens at once', () => {
    it("a demoted ORG_ADMIN's access token is refused (401) at once: it creates no ORG_ADMIN", async () => {
      const admin = await vngUser('gedegradeerd@vng.test', ['CONTRACT_MANAGER', 'ORG_ADMIN']);
      await bearer(admin.accessToken).get('/api/v1/users').expect(200);
      await vng
        .patch(`/api/v1/users/${admin.id}`)
        .send({ roles: ['CONTRACT_MANAGER'] })
        .expect(200);
      const before = await userCount();
      await bearer(admin.accessToken)
        .post('/api/v1/users')
        .send({ email: 'nieuwe-beheerder@vng.test', name: 'N', roles: ['ORG_ADMIN'], password: PASSWORD })
        .expect(401);
      await bearer(admin.accessToken).get('/api/v1/me').expect(401);
      expect(await userCount()).toBe(before);
      // Signing in again gives a token with the new roles.
      const again = await t.login('gedegradeerd@vng.test', PASSWORD);
      const me = await bearer(again.accessToken).get('/api/v1/me').expect(200);
      expect(me.body.roles).toEqual(['CONTRACT_MANAGER']);
      await bearer(again.accessToken).get('/api/v1/users').expect(403);
    });

    it("a deactivated user's access token is refused (401) at once", async () => {
      const user = await vngUser('gedeactiveerd@vng.test', ['CONTRACT_MANAGER']);
      await bearer(user.accessToken).get('/api/v1/me').expect(200);
      await vng.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
      const res = await bearer(user.accessToken).get('/api/v1/me').expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it("logout ends that session's access token at once; another session of the user keeps working", async () => {
      const user = await vngUser('uitloggen@vng.test', ['CONTRACT_MANAGER']);
      const other = await t.login('uitloggen@vng.test', PASSWORD);
      await bearer(user.accessToken).get('/api/v1/me').expect(200);
      await request(t.server).post('/api/v1/auth/logout').send({ refreshToken: user.refreshToken }).expect(204);
      await bearer(user.accessToken).get('/api/v1/me').expect(401);
      await bearer(other.accessToken).get('/api/v1/me').expect(200);
    });

    it('a renamed user keeps their access token', async () => {
      const user = await vngUser('hernoemd@vng.test', ['CONTRACT_MANAGER']);
      await vng.patch(`/api/v1/users/${user.id}`).send({ name: 'Nieuwe naam' }).expect(200);
      await bearer(user.accessToken).get('/api/v1/me').expect(200);
    });
  });

  describe('tokens and token routes', () => {
    it('an access token without exp is refused (401), though signed with the right key', async () => {
      const { accessToken } = await t.login('officer.gm0106@demo.nl');
      const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as Record<
        string,
        unknown
      >;
      delete claims.exp;
      const forever = new JwtService().sign(claims, { secret: TEST_JWT_SECRET, algorithm: 'HS256' });
      expect(JSON.parse(Buffer.from(forever.split('.')[1], 'base64url').toString())).not.toHaveProperty('exp');
      const res = await bearer(forever).get('/api/v1/me').expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      // The same claims with exp are fine: only the missing expiry is refused.
      await bearer(accessToken).get('/api/v1/me').expect(200);
    });

    it.each([
      ['/api/v1/auth/login', 'email=officer.gm0106%40demo.nl&password=welkom-demo'],
      ['/api/v1/auth/session', 'email=officer.gm0106%40demo.nl&password=welkom-demo'],
      ['/api/v1/auth/refresh', 'refreshToken=abc'],
      ['/api/v1/auth/logout', 'refreshToken=abc'],
    ])('%s refuses a form (login CSRF): 415 problem+json', async (url, form) => {
      const res = await request(t.server)
        .post(url)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(form)
        .expect(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.body).not.toHaveProperty('accessToken');
      const plain = await request(t.server)
        .post(url)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo', refreshToken: 'abc' }));
      expect(plain.status).toBe(415);
    });

    it('token responses (login, refresh, session) are not stored: Cache-Control no-store, Pragma no-cache', async () => {
      const login = await request(t.server)
        .post('/api/v1/auth/login')
        .send({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200);
      const refreshed = await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(200);
      const session = await request(t.server)
        .post('/api/v1/auth/session')
        .send({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200);
      for (const res of [login, refreshed, session]) {
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.pragma).toBe('no-cache');
      }
    });
  });

  describe('two API processes on one database', () => {
    let second: NestFastifyApplication;
    let secondServer: ReturnType<NestFastifyApplication['getHttpServer']>;
    const onSecond = (token: string) => request(secondServer).get('/api/v1/me').set('Authorization', `Bearer ${token}`);

    beforeAll(async () => {
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: t.databaseUrl,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        EVALUATION_START_DELAY_SECONDS: '86400',
        WORKER: '0',
      });
      second = await createApiApp({
        config,
        databaseUrl: applicationUrl(t.databaseUrl),
        ownerUrl: t.databaseUrl,
        jwtSecret: TEST_JWT_SECRET,
        logger: createRootLogger(config, 'wmo-test-second'),
      });
      await second.getHttpAdapter().getInstance().ready();
      secondServer = second.getHttpServer();
      await new Promise<void>((resolve) => secondServer.listen(0, '127.0.0.1', () => resolve()));
    });
    afterAll(() => second.close());

    it('a role change, a deactivation and a logout through the first are honoured by the second within a second', async () => {
      const demoted = await vngUser('twee-processen-rol@vng.test', ['CONTRACT_MANAGER', 'ORG_ADMIN']);
      const deactivated = await vngUser('twee-processen-actief@vng.test', ['CONTRACT_MANAGER']);
      const loggedOut = await vngUser('twee-processen-uit@vng.test', ['CONTRACT_MANAGER']);
      // The second process has verified (and cached) each token.
      for (const user of [demoted, deactivated, loggedOut]) await onSecond(user.accessToken).expect(200);

      await vng
        .patch(`/api/v1/users/${demoted.id}`)
        .send({ roles: ['CONTRACT_MANAGER'] })
        .expect(200);
      await vng.patch(`/api/v1/users/${deactivated.id}`).send({ active: false }).expect(200);
      await request(t.server).post('/api/v1/auth/logout').send({ refreshToken: loggedOut.refreshToken }).expect(204);

      for (const user of [demoted, deactivated, loggedOut]) {
        const ms = await within(1000, async () => (await onSecond(user.accessToken)).status === 401);
        expect(ms).toBeLessThan(1000);
      }
    });

    it('after its listening connection is cut, a process reconnects and catches up on what it missed', async () => {
      const user = await vngUser('verbinding-weg@vng.test', ['CONTRACT_MANAGER']);
      await onSecond(user.accessToken).expect(200);
      const [{ cut }] = await sql<{ cut: number }>(
        t.databaseUrl,
        `SELECT count(pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity
          WHERE application_name = 'wmo-credential-events' AND datname = current_database()`,
      );
      expect(cut).toBe(2);
      await vng.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
      await within(3000, async () => (await onSecond(user.accessToken)).status === 401);
    });

    it('a process that starts after a change knows it (read from the database)', async () => {
      const user = await vngUser('later-gestart@vng.test', ['CONTRACT_MANAGER']);
      await vng.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: t.databaseUrl,
        LOG_LEVEL: 'silent',
        EVALUATION_START_DELAY_SECONDS: '86400',
        WORKER: '0',
      });
      const third = await createApiApp({
        config,
        databaseUrl: applicationUrl(t.databaseUrl),
        ownerUrl: t.databaseUrl,
        jwtSecret: TEST_JWT_SECRET,
        logger: createRootLogger(config, 'wmo-test-third'),
      });
      try {
        await third.getHttpAdapter().getInstance().ready();
        await request(third.getHttpServer())
          .get('/api/v1/me')
          .set('Authorization', `Bearer ${user.accessToken}`)
          .expect(401);
      } finally {
        await third.close();
      }
    });
  });
});
