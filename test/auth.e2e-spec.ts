import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { TEST_JWT_SECRET } from './support/database-names';
import { sql } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';

const ISSUER = 'wmo-luisterend-oor';
const AUDIENCE = 'wmo-luisterend-oor-api';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (authorization?: string) => t.withAuthorization(authorization).get('/api/v1/me');

  it('signs in with e-mail and password and tells who you are', async () => {
    const res = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'Officer.GM0106@demo.nl', password: 'welkom-demo' })
      .expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    const who = await me(`Bearer ${res.body.accessToken}`).expect(200);
    expect(who.body).toEqual({
      id: expect.any(String),
      kind: 'user',
      email: 'officer.gm0106@demo.nl',
      name: 'Beleidsmedewerker Assen',
      roles: ['OFFICER'],
      organisation: {
        id: expect.any(String),
        kind: 'MUNICIPALITY',
        name: 'Gemeente Assen',
        municipalityCode: 'GM0106',
      },
    });
  });

  it('the access token is a HS256 JWT valid for 15 minutes, with issuer and audience', async () => {
    const { accessToken } = await t.login('vng@demo.nl');
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      iss: ISSUER,
      aud: AUDIENCE,
      roles: ['CONTRACT_MANAGER', 'ORG_ADMIN'],
      okind: 'ASSOCIATION',
    });
    expect(payload.exp - payload.iat).toBe(900);
  });

  it('answers 401 problem+json without credentials, with a wrong password and for an unknown e-mail, alike', async () => {
    const none = await me().expect(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const wrong = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'vng@demo.nl', password: 'wrong-password' })
      .expect(401);
    const unknown = await request(t.server)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@demo.nl', password: 'wrong-password' })
      .expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.type).toBe(wrong.body.type);
  });

  it('a sign-in without e-mail or password is a 400 naming the fields', async () => {
    const res = await request(t.server).post('/api/v1/auth/login').send({ email: 'vng@demo.nl' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['email', 'password']);
  });

  describe('tokens that must not work', () => {
    const jwt = new JwtService();
    const claims = {
      org: '00000000-0000-0000-0000-000000000000',
      okind: 'OPERATOR',
      mun: null,
      roles: ['OPERATOR'],
      typ: 'access',
    };

    it('an expired token', async () => {
      const expired = jwt.sign(
        { ...claims, iat: Math.floor(Date.now() / 1000) - 1000, exp: Math.floor(Date.now() / 1000) - 100 },
        { secret: TEST_JWT_SECRET, algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, subject: 'u' },
      );
      await me(`Bearer ${expired}`).expect(401);
    });

    it('a tampered token (roles changed after signing)', async () => {
      const { accessToken } = await t.login('officer.gm0106@demo.nl');
      const [header, payload, signature] = accessToken.split('.');
      const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['OPERATOR'] };
      await me(`Bearer ${header}.${base64url(changed)}.${signature}`).expect(401);
    });

    it('a token with alg none', async () => {
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, sub: 'u', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      await me(`Bearer ${unsigned}`).expect(401);
    });

    it('a token signed with another algorithm or key, or for another audience', async () => {
      const hs512 = jwt.sign(claims, {
        secret: TEST_JWT_SECRET,
        algorithm: 'HS512',
        issuer: ISSUER,
        audience: AUDIENCE,
        subject: 'u',
      });
      await me(`Bearer ${hs512}`).expect(401);
      const otherKey = jwt.sign(claims, {
        secret: 'another-secret-another-secret-another-secret',
        algorithm: 'HS256',
        issuer: ISSUER,
        audience: AUDIENCE,
        subject: 'u',
      });
      await me(`Bearer ${otherKey}`).expect(401);
      const otherAudience = jwt.sign(claims, {
        secret: TEST_JWT_SECRET,
        algorithm: 'HS256',
        issuer: ISSUER,
        audience: 'someone-else',
        subject: 'u',
      });
      await me(`Bearer ${otherAudience}`).expect(401);
    });
  });

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
      await request(t.server).post('/api/v1/auth/session/end').set('Cookie', `wmo_session=${value}`).expect(204);
      await request(t.server).post('/api/v1/auth/session/refresh').set('Cookie', `wmo_session=${value}`).expect(401);
    });
  });

  describe('API keys', () => {
    it('an ORG_ADMIN creates a key (secret shown once), a machine client uses it as Bearer or X-Api-Key, revocation stops it at once', async () => {
      const vng = await t.as('vng@demo.nl');
      const created = await vng
        .post('/api/v1/api-keys')
        .send({ name: 'Contractadministratie', roles: ['CONTRACT_MANAGER'] })
        .expect(201);
      expect(created.body).toMatchObject({
        name: 'Contractadministratie',
        roles: ['CONTRACT_MANAGER'],
        secret: expect.stringMatching(/^wmo_/),
      });
      const { secret, id } = created.body;
      expect(secret.startsWith(created.body.prefix)).toBe(true);

      const asBearer = await me(`Bearer ${secret}`).expect(200);
      expect(asBearer.body).toMatchObject({
        kind: 'api-key',
        id,
        email: null,
        name: 'Contractadministratie',
        roles: ['CONTRACT_MANAGER'],
      });
      await t.withAuthorization(secret, 'X-Api-Key').get('/api/v1/me').expect(200);

      const listed = await vng.get('/api/v1/api-keys').expect(200);
      expect(listed.body.find((k: { id: string }) => k.id === id)).not.toHaveProperty('secret');
      const [stored] = await sql<{ key_hash: string }>(t.databaseUrl, `SELECT key_hash FROM api_key WHERE id = $1`, [
        id,
      ]);
      expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.key_hash).not.toContain(secret);

      await vng.delete(`/api/v1/api-keys/${id}`).expect(204);
      await me(`Bearer ${secret}`).expect(401);
      await t.withAuthorization(secret, 'X-Api-Key').get('/api/v1/me').expect(401);
    });

    it('a key cannot carry roles wider than its creator; a key cannot make keys', async () => {
      const vng = await t.as('vng@demo.nl');
      const wide = await vng
        .post('/api/v1/api-keys')
        .send({ name: 'te breed', roles: ['FINANCE'] })
        .expect(422);
      expect(wide.body.detail).toContain('FINANCE');
      const { secret } = (
        await vng
          .post('/api/v1/api-keys')
          .send({ name: 'admin key', roles: ['ORG_ADMIN'] })
          .expect(201)
      ).body;
      await t
        .withAuthorization(`Bearer ${secret}`)
        .post('/api/v1/api-keys')
        .send({ name: 'child', roles: ['ORG_ADMIN'] })
        .expect(403);
    });

    it('a made-up key is a 401', async () => {
      await me('Bearer wmo_made-up-key-that-does-not-exist-anywhere').expect(401);
    });
  });

  describe('login throttling', () => {
    it('after 5 failures for one e-mail within 15 minutes further attempts get 429 with Retry-After, even with the right password', async () => {
      for (let i = 0; i < 5; i++) {
        await request(t.server)
          .post('/api/v1/auth/login')
          .send({ email: 'officer.gm0014@demo.nl', password: `wrong-${i}` })
          .expect(401);
      }
      const locked = await request(t.server)
        .post('/api/v1/auth/login')
        .send({ email: 'officer.gm0014@demo.nl', password: 'welkom-demo' })
        .expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
      expect(locked.body.type).toBe('/problems/login-throttled');
      // Another address is not affected.
      await request(t.server)
        .post('/api/v1/auth/login')
        .send({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200);
    });

    it('also for an address without an account, so the answer reveals nothing', async () => {
      for (let i = 0; i < 5; i++) {
        await request(t.server)
          .post('/api/v1/auth/login')
          .send({ email: 'ghost@nowhere.nl', password: 'whatever-password' })
          .expect(401);
      }
      await request(t.server)
        .post('/api/v1/auth/login')
        .send({ email: 'ghost@nowhere.nl', password: 'whatever-password' })
        .expect(429);
    });
  });

  it('sends security headers (helmet)', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    // Outside production the portal may be served over plain http (npm start on a LAN address).
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('general rate limit and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGINS: 'https://portaal.example.nl' });
  });
  afterAll(() => t.close());

  it('limits requests per client and answers 429 with Retry-After', async () => {
    const client = t.withAuthorization();
    const responses = [];
    for (let i = 0; i < 6; i++)
      responses.push(await client.post('/api/v1/auth/logout').send({ refreshToken: 'y'.repeat(43) }));
    expect(responses.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 429]);
    expect(Number(responses[5].headers['retry-after'])).toBeGreaterThan(0);
    expect(responses[5].headers['content-type']).toContain('application/problem+json');
  });

  it('allows the configured origin and no other', async () => {
    const allowed = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://portaal.example.nl')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portaal.example.nl');
    const other = await request(t.server)
      .options('/api/v1/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
