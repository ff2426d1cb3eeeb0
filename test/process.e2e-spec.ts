import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { distEntry, runProcess, startProcess } from './support/processes';

/** What `npm start` does on a fresh machine: the compiled API on the embedded PostgreSQL. */
describe('the API as a process on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wmo-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts from nothing, serves the reference data and the docs, and stops cleanly on SIGTERM', async () => {
    const api = startProcess([distEntry('api')], { DATA_DIR: dataDir, PORT: '0' });
    const [, base] = await api.waitFor(/API: +(http:\/\/localhost:\d+)\/api\/v1/);
    expect(api.output()).toContain('/api/docs');

    expect(api.output()).toContain('Demo logins (password "welkom-demo")');
    const { accessToken } = (
      await request(base)
        .post('/api/v1/auth/login')
        .send({ email: 'officer.gm0106@demo.nl', password: 'welkom-demo' })
        .expect(200)
    ).body;
    const auth = `Bearer ${accessToken}`;
    const list = await request(base)
      .get('/api/v1/municipalities?year=2024&limit=500')
      .set('Authorization', auth)
      .expect(200);
    expect(list.body.total).toBe(342);
    expect(list.body.items.reduce((sum: number, m: { population: number }) => sum + m.population, 0)).toBe(17_942_942);
    expect(
      (await request(base).get('/api/v1/municipalities?year=2014').set('Authorization', auth).expect(200)).body.total,
    ).toBe(403);
    await request(base).get('/api/docs-json').expect(200);
    await request(base).get('/health').expect(200);

    api.child.kill('SIGTERM');
    expect(await api.exited()).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('Stopping the embedded PostgreSQL');
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('keeps its data across restarts and stops cleanly on SIGINT too', async () => {
    const api = startProcess([distEntry('api')], { DATA_DIR: dataDir, PORT: '0' });
    const [, base] = await api.waitFor(/API: +(http:\/\/localhost:\d+)\/api\/v1/);
    expect(api.output()).not.toContain('Initialising a new PostgreSQL cluster');
    expect(api.output()).not.toContain('Loaded CBS reference data'); // unchanged bundle: skipped
    const { accessToken } = (
      await request(base).post('/api/v1/auth/login').send({ email: 'vng@demo.nl', password: 'welkom-demo' }).expect(200)
    ).body;
    await request(base).get('/api/v1/municipalities/GM1966').set('Authorization', `Bearer ${accessToken}`).expect(200);
    api.child.kill('SIGINT');
    expect(await api.exited()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be an integer between 0 and 65535'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// connection URL'],
    ['DB_POOL_SIZE', '1', 'DB_POOL_SIZE must be an integer between 2 and 200'],
    ['CLOCK_TODAY', '2026-01-15', 'CLOCK_TODAY is only for tests (NODE_ENV=test)'],
  ])('refuses to start with %s=%s and says why', async (name, value, message) => {
    const { code, output } = await runProcess([distEntry('api')], { DATA_DIR: dataDir, [name]: value });
    expect(code).toBe(78);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain(message);
  });
});
