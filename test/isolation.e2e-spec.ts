import { Role } from '@wmo/tenancy';
import { registeredRoutes } from '../apps/api/src/create-api-app';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

/**
 * The isolation matrix: every route of the application that reads or writes a tenant resource,
 * for every role, aimed at a resource of a foreign organisation. Each must answer 404 (or 403
 * when the role lacks the right) and change nothing. The routes come from the application's own
 * route table: a new route without an entry below fails the first test.
 */

interface Foreign {
  /** Groningen: foreign to every caller below. */
  organisationId: string;
  userId: string;
  apiKeyId: string;
}

type RouteCase =
  /** Aimed at a foreign resource: 404 for a role that may use the route, 403 for one that may not. */
  | { kind: 'foreign'; roles: Role[] | 'any'; url: (f: Foreign) => string; body?: (f: Foreign) => object }
  /** A list without a tenant selector: 200 (or 403) and never a foreign id in it. */
  | { kind: 'list'; roles: Role[] | 'any'; url: string; foreignIds: (f: Foreign) => string[] }
  /** Not about another tenant's resources; why, and where it is tested. */
  | { kind: 'not-tenant'; reason: string };

const ROUTES: Record<string, RouteCase> = {
  'POST /api/v1/auth/login': { kind: 'not-tenant', reason: 'public sign-in (auth.e2e-spec)' },
  'POST /api/v1/auth/refresh': { kind: 'not-tenant', reason: 'the refresh token is the credential (auth.e2e-spec)' },
  'POST /api/v1/auth/logout': { kind: 'not-tenant', reason: 'the refresh token is the credential (auth.e2e-spec)' },
  'GET /api/v1/me': { kind: 'not-tenant', reason: 'the caller itself' },
  'GET /api/v1/municipalities': { kind: 'not-tenant', reason: 'reference data, public to every signed-in user' },
  'GET /api/v1/municipalities/:code': { kind: 'not-tenant', reason: 'reference data' },
  'GET /api/v1/municipalities/:code/population': { kind: 'not-tenant', reason: 'reference data' },
  'GET /api/v1/provinces': { kind: 'not-tenant', reason: 'reference data' },
  'POST /api/v1/organisations': { kind: 'not-tenant', reason: 'OPERATOR only (users.e2e-spec: 403 for others)' },
  'POST /api/v1/api-keys': { kind: 'not-tenant', reason: 'always creates in the own organisation (auth.e2e-spec)' },

  'GET /api/v1/users': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/users?organisation=${f.organisationId}` },
  'POST /api/v1/users': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: () => '/api/v1/users',
    body: (f) => ({ email: 'indringer@example.nl', name: 'Indringer', roles: ['OFFICER'], password: 'long-enough-password', organisationId: f.organisationId }),
  },
  'GET /api/v1/users/:id': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/users/${f.userId}` },
  'PATCH /api/v1/users/:id': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/users/${f.userId}`, body: () => ({ name: 'Overgenomen' }) },
  'GET /api/v1/api-keys': { kind: 'list', roles: ['ORG_ADMIN'], url: '/api/v1/api-keys', foreignIds: (f) => [f.apiKeyId] },
  'DELETE /api/v1/api-keys/:id': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/api-keys/${f.apiKeyId}` },
  'GET /api/v1/organisations': { kind: 'list', roles: 'any', url: '/api/v1/organisations?limit=500', foreignIds: (f) => [f.organisationId] },
  'GET /api/v1/organisations/:id': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/organisations/${f.organisationId}` },
  'GET /api/v1/audit-events': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/audit-events?organisation=${f.organisationId}` },
};

/** One caller per role (OPERATOR sees everything by design and is audited instead). */
const CALLERS: Array<{ role: Role; email: string; organisation: string }> = [
  { role: 'OFFICER', email: 'matrix.officer@assen.nl', organisation: 'GM0106' },
  { role: 'FINANCE', email: 'matrix.finance@assen.nl', organisation: 'GM0106' },
  { role: 'ORG_ADMIN', email: 'matrix.admin@assen.nl', organisation: 'GM0106' },
  { role: 'CONTRACT_MANAGER', email: 'matrix.contracts@vng.nl', organisation: 'Vereniging van Nederlandse Gemeenten' },
  { role: 'PROVIDER_ADMIN', email: 'matrix.provider@sensoor.nl', organisation: 'Stichting Sensoor' },
];
const PASSWORD = 'matrix-password-123';

describe('isolation matrix', () => {
  let t: TestApp;
  let foreign: Foreign;
  const clients = new Map<Role, Client>();

  /** A fingerprint of every tenant table, to prove that refused requests changed nothing. */
  const fingerprint = () =>
    sql<{ table: string; digest: string }>(
      t.databaseUrl,
      `SELECT c.relname AS table,
              (xpath('/row/d/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS d FROM %I t', '|', '', c.relname), false, true, '')))[1]::text AS digest
         FROM pg_class c WHERE c.relkind = 'r' AND c.relrowsecurity AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    const operator = await t.as('operator@demo.nl');
    const orgOf = async (organisation: string) =>
      (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM organisation WHERE municipality_code = $1 OR name = $1`, [organisation]))[0].id;
    for (const caller of CALLERS) {
      await operator
        .post('/api/v1/users')
        .send({ email: caller.email, name: caller.role, roles: [caller.role], password: PASSWORD, organisationId: await orgOf(caller.organisation) })
        .expect(201);
      clients.set(caller.role, await t.as(caller.email, PASSWORD));
    }
    const groningen = await orgOf('GM0014');
    await operator.post('/api/v1/users').send({ email: 'admin@groningen.nl', name: 'Beheer', roles: ['ORG_ADMIN'], password: PASSWORD, organisationId: groningen }).expect(201);
    const groningenAdmin = await t.as('admin@groningen.nl', PASSWORD);
    const key = await groningenAdmin.post('/api/v1/api-keys').send({ name: 'ERP', roles: ['ORG_ADMIN'] }).expect(201);
    const [user] = await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM app_user WHERE email = 'officer.gm0014@demo.nl'`);
    foreign = { organisationId: groningen, userId: user.id, apiKeyId: key.body.id };
  });
  afterAll(() => t.close());

  it('every route of the application has an entry in the matrix', () => {
    const routes = registeredRoutes(t.app)
      .filter((route) => route.url.startsWith('/api/v1'))
      .map((route) => `${route.method} ${route.url}`);
    expect(routes.filter((route) => !(route in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('the fingerprint notices a write (so "nothing changes" can fail)', async () => {
    const before = await fingerprint();
    await clients.get('ORG_ADMIN')!.patch(`/api/v1/users/${(await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM app_user WHERE email = 'matrix.officer@assen.nl'`))[0].id}`).send({ name: 'Officer' }).expect(200);
    expect(await fingerprint()).not.toEqual(before);
  });

  const cases = Object.entries(ROUTES).flatMap(([route, routeCase]) =>
    routeCase.kind === 'not-tenant' ? [] : CALLERS.map((caller) => [route, caller.role, routeCase] as const),
  );

  it.each(cases)('%s as %s: 404 for a foreign resource (403 without the role), nothing changes', async (route, role, routeCase) => {
    const client = clients.get(role)!;
    const allowed = routeCase.roles === 'any' || routeCase.roles.includes(role);
    const [method] = route.split(' ');
    const before = await fingerprint();
    if (routeCase.kind === 'foreign') {
      let call = client[method.toLowerCase() as 'get'](routeCase.url(foreign));
      if (routeCase.body) call = call.send(routeCase.body(foreign));
      const res = await call;
      expect([route, role, res.status]).toEqual([route, role, allowed ? 404 : 403]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    } else if (routeCase.kind === 'list') {
      const res = await client.get(routeCase.url);
      expect([route, role, res.status]).toEqual([route, role, allowed ? 200 : 403]);
      for (const id of routeCase.foreignIds(foreign)) expect(JSON.stringify(res.body)).not.toContain(id);
    }
    expect(await fingerprint()).toEqual(before);
  });
});
