import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { TEST_JWT_SECRET } from '../support/database-names';
import { sql } from '../support/test-database';
import { startSignedIn, TestApp } from '../support/test-app';

const ISSUER = 'wmo-luisterend-oor';
const AUDIENCE = 'wmo-luisterend-oor-api';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Signing in: with e-mail and password for an access token, or as a machine with an API key; and what is refused. */
describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => ([t] = await startSignedIn()));
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
