import request from 'supertest';
import { sql } from './support/test-database';
import { Client, startSignedIn, TestApp } from './support/test-app';

/** Every bad input gets a 4xx in one format, RFC 9457 application/problem+json, and no request crashes into a 500. */
describe('errors as problem+json', () => {
  let t: TestApp, officer: Client;
  beforeAll(async () => ([t, officer] = await startSignedIn('officer.gm0106@demo.nl')));
  afterAll(() => t.close());

  const expectProblem = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toEqual(
      expect.objectContaining({
        type: expect.any(String),
        title: expect.any(String),
        status,
        detail: expect.any(String),
        requestId: expect.any(String),
      }),
    );
  };

  it.each([
    ['a code that is too short', '/api/v1/municipalities/GM12', 'code'],
    ['a code with the wrong prefix', '/api/v1/municipalities/XX0363', 'code'],
    [
      'a malformed code on the population endpoint',
      '/api/v1/municipalities/gm0363/population?referenceDate=2018-01-01',
      'code',
    ],
    ['an unknown query parameter', '/api/v1/municipalities?year=2024&colour=red', 'colour'],
    ['a limit over 500', '/api/v1/municipalities?limit=501', 'limit'],
    ['a limit of 0', '/api/v1/municipalities?limit=0', 'limit'],
    ['a non-numeric year', '/api/v1/municipalities?year=abc', 'year'],
    ['a fractional year', '/api/v1/municipalities?year=2024.5', 'year'],
    ['a year before the data begins', '/api/v1/municipalities?year=2013', 'year'],
    ['a repeated year', '/api/v1/municipalities?year=2023&year=2024', 'year'],
    ['a page of 0', '/api/v1/municipalities?page=0', 'page'],
    ['an unknown sort', '/api/v1/municipalities?sort=size', 'sort'],
    ['a malformed province', '/api/v1/municipalities?province=Drenthe', 'province'],
    ['an unknown province', '/api/v1/municipalities?province=PV99', 'province'],
    ['a missing reference date', '/api/v1/municipalities/GM0106/population', 'referenceDate'],
    ['an impossible date', '/api/v1/municipalities/GM0106/population?referenceDate=2019-02-29', 'referenceDate'],
    ['a date in another format', '/api/v1/municipalities/GM0106/population?referenceDate=01-01-2019', 'referenceDate'],
    [
      'asOf before referenceDate',
      '/api/v1/municipalities/GM0106/population?referenceDate=2019-01-01&asOf=2018-01-01',
      'asOf',
    ],
    ['a query parameter on an endpoint that takes none', '/api/v1/provinces?all=true', 'all'],
  ])('400 for %s, naming the field', async (_case, url, field) => {
    const res = await officer.get(url);
    expectProblem(res, 400);
    expect(res.body.type).toBe('/problems/validation-failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('404 for an unknown but well-formed code, with a clear reason', async () => {
    const res = await officer.get('/api/v1/municipalities/GM9999');
    expectProblem(res, 404);
    expect(res.body).toMatchObject({
      type: '/problems/municipality-not-found',
      detail: 'There is no municipality with CBS code GM9999.',
    });
  });

  it('404 for the population of a municipality on a date it did not exist', async () => {
    const res = await officer.get('/api/v1/municipalities/GM0053/population?referenceDate=2019-01-01');
    expectProblem(res, 404);
    expect(res.body.type).toBe('/problems/municipality-not-existing');
    expect(res.body.detail).toContain('Winsum (GM0053) did not exist on 2020-01-01');
  });

  it('404 for a reference date without CBS figures, saying which dates have them', async () => {
    const notJanuary = await officer.get('/api/v1/municipalities/GM0106/population?referenceDate=2018-06-01');
    expectProblem(notJanuary, 404);
    expect(notJanuary.body).toMatchObject({ type: '/problems/population-not-available' });
    expect(notJanuary.body.detail).toContain('figures are available for 2014-01-01 to 2024-01-01');
    const notYetPublished = await officer.get('/api/v1/municipalities/GM0106/population?referenceDate=2025-01-01');
    expectProblem(notYetPublished, 404);
  });

  it('404 problem for an unknown route', async () => {
    expectProblem(await officer.get('/api/v1/nothing-here'), 404);
  });

  it('an unsupported method on a known path is a 404 problem, not a crash', async () => {
    expectProblem(await officer.delete('/api/v1/municipalities/GM0106'), 404);
  });

  it('a malformed JSON body, an unsupported media type and an oversized body are problem documents too', async () => {
    const badJson = await request(t.server)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ');
    expectProblem(badJson, 400);
    const wrongType = await request(t.server).post('/api/v1/auth/login').set('Content-Type', 'text/csv').send('a,b');
    expectProblem(wrongType, 415);
    const huge = await request(t.server)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(1_100_000) }));
    expectProblem(huge, 413);
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const kept = await officer.get('/api/v1/municipalities/GM9999').set('X-Request-Id', 'erp-batch-42');
    expect(kept.headers['x-request-id']).toBe('erp-batch-42');
    expect(kept.body.requestId).toBe('erp-batch-42');
    const replaced = await officer.get('/api/v1/provinces').set('X-Request-Id', 'bad id with spaces and \\ backslash');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('health answers 200 while the database is up and 503 problem+json when it is not', async () => {
    await request(t.server)
      .get('/health')
      .expect(200, {
        status: 'ok',
        info: { database: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' } },
      });
    const name = new URL(t.databaseUrl).pathname.slice(1);
    const admin = new URL(t.databaseUrl);
    admin.pathname = '/postgres';
    await sql(admin.toString(), `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await sql(
      admin.toString(),
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [name],
    );
    try {
      const res = await request(t.server).get('/health');
      expectProblem(res, 503);
      expect(res.body.checks).toMatchObject({ database: { status: 'down' } });
    } finally {
      await sql(admin.toString(), `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    }
    await request(t.server).get('/health').expect(200);
  });
});
