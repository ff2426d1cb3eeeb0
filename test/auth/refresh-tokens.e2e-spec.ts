import request from 'supertest';
import { sql } from '../support/test-database';
import { startSignedIn, TestApp } from '../support/test-app';

/** A sign-in is a session: its refresh token rotates, in the body for API clients and in a cookie for the portal. */
describe('refresh tokens and sessions', () => {
  let t: TestApp;
  beforeAll(async () => ([t] = await startSignedIn()));
  afterAll(() => t.close());

  const me = (authorization?: string) => t.withAuthorization(authorization).get('/api/v1/me');

  describe('refresh tokens', () => {
    it('rotate: each refresh returns a new pair and the old refresh token stops working', async () => {
      const first = await t.login('finance.gm0106@demo.nl');
      const second = await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await me(`Bearer ${second.body.accessToken}`).expect(200);
      const third = await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: second.body.refreshToken })
        .expect(200);
      expect(third.body.accessToken).toEqual(expect.any(String));
    });

    it('a reused refresh token revokes the whole family, including the newest token', async () => {
      const first = await t.login('finance.gm0106@demo.nl');
      const second = (
        await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
      ).body;
      const reuse = await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(reuse.body.type).toBe('/problems/refresh-token-reused');
      await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      const [audit] = await sql<{ count: string }>(
        t.databaseUrl,
        `SELECT count(*) FROM audit_event WHERE action = 'auth.refresh-token-reused'`,
      );
      expect(Number(audit.count)).toBeGreaterThanOrEqual(1);
    });

    it('of two concurrent refreshes with the same token exactly one succeeds', async () => {
      const { refreshToken } = await t.login('finance.gm0106@demo.nl');
      const results = await Promise.all(
        [1, 2].map(() => request(t.server).post('/api/v1/auth/refresh').send({ refreshToken })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('logout revokes the session; logging out twice is fine', async () => {
      const { refreshToken } = await t.login('finance.gm0106@demo.nl');
      await request(t.server).post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
      await request(t.server).post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
      await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    });

    it('an unknown or malformed refresh token', async () => {
      await request(t.server)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
      const malformed = await request(t.server).post('/api/v1/auth/refresh').send({}).expect(400);
      expect(malformed.body.errors[0].field).toBe('refreshToken');
    });
  });

  describe('browser sessions (the portal): the refresh token only in an httpOnly cookie', () => {
    const sessionCookie = (res: request.Response): string | undefined => {
      const header = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((cookie) => cookie.startsWith('wmo_session='));
      return header;
    };
    const valueOf = (cookie: string) => cookie.split(';')[0].slice('wmo_session='.length);

    it('signing in sets an httpOnly, SameSite=Strict cookie scoped to the session routes and returns only the access token', async () => {
      const res = await request(t.server)
        .post('/api/v1/auth/session')
        .send({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 900, tokenType: 'Bearer' });
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(
        /^wmo_session=[^;]{20,}; Max-Age=43200; Path=\/api\/v1\/auth\/session; HttpOnly; SameSite=Strict$/,
      );
      // Beside it, readable by the page: only that a session may exist (the sign-in page skips the refresh without it).
      expect(([] as string[]).concat(res.headers['set-cookie'])).toContain(
        'wmo_signed_in=1; Max-Age=43200; Path=/; SameSite=Strict',
      );
      expect(res.headers['cache-control']).toBe('no-store');
      await me(`Bearer ${res.body.accessToken}`).expect(200);
    });

    it('a wrong password is the same 401 problem as POST /auth/login, and sets no cookie', async () => {
      const res = await request(t.server)
        .post('/api/v1/auth/session')
        .send({ email: 'officer.gm0106@demo.nl', password: 'wrong-password' })
        .expect(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('/problems/invalid-credentials');
      expect(sessionCookie(res)).toBeUndefined();
    });

    it('refresh rotates the cookie; the old cookie used again ends the whole session', async () => {
      const start = await request(t.server)
        .post('/api/v1/auth/session')
        .send({ email: 'finance.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200);
      const first = valueOf(sessionCookie(start)!);
      const refreshed = await request(t.server)
        .post('/api/v1/auth/session/refresh')
        .set('Cookie', `wmo_session=${first}`)
        .expect(200);
      const second = valueOf(sessionCookie(refreshed)!);
      expect(second).not.toBe(first);
      await me(`Bearer ${refreshed.body.accessToken}`).expect(200);
      const replay = await request(t.server)
        .post('/api/v1/auth/session/refresh')
        .set('Cookie', `wmo_session=${first}`)
        .expect(401);
      expect(replay.body.type).toBe('/problems/refresh-token-reused');
      expect(sessionCookie(replay)).toMatch(/^wmo_session=; Max-Age=0;/);
      await request(t.server).post('/api/v1/auth/session/refresh').set('Cookie', `wmo_session=${second}`).expect(401);
    });

    it('refresh without a cookie is a 401 problem', async () => {
      const res = await request(t.server).post('/api/v1/auth/session/refresh').expect(401);
      expect(res.body).toMatchObject({ status: 401, type: '/problems/invalid-refresh-token' });
    });

    it('ending the session revokes its refresh token and clears the cookie; ending twice is fine', async () => {
      const start = await request(t.server)
        .post('/api/v1/auth/session')
        .send({ email: 'vng@demo.nl', password: 'welkom-demo' })
        .expect(200);
      const value = valueOf(sessionCookie(start)!);
      const end = await request(t.server)
        .post('/api/v1/auth/session/end')
        .set('Cookie', `wmo_session=${value}`)
        .expect(204);
      expect(sessionCookie(end)).toMatch(/^wmo_session=; Max-Age=0;/);
      expect(([] as string[]).concat(end.headers['set-cookie'])).toContain(
        'wmo_signed_in=; Max-Age=0; Path=/; SameSite=Strict',
      );
      await request(t.server).post('/api/v1/auth/session/end').set('Cookie', `wmo_session=${value}`).expect(204);
      await request(t.server).post('/api/v1/auth/session/refresh').set('Cookie', `wmo_session=${value}`).expect(401);
    });
  });
});
