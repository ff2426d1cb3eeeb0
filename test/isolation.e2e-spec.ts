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
  /** Amsterdam's own contract with its own provider: foreign to Assen, the VNG and Stichting Sensoor. */
  contractId: string;
  /** Sensoor Amsterdam, a provider: foreign to Stichting Sensoor; visible by design to those who contract providers. */
  providerId: string;
  serviceId: string;
  /** A 2025 run of that contract, and the invoice it issued to Amsterdam. */
  runId: string;
  documentId: string;
  documentNumber: string;
  /** A notification for Groningen and a webhook of Groningen's. */
  notificationId: string;
  webhookId: string;
}

type RouteCase =
  /**
   * Aimed at a foreign resource: by default 404 for a role that may use the route and 403 for one
   * that may not; `expect` says otherwise where visibility is by design (then `mustNotContain`).
   */
  | {
      kind: 'foreign';
      roles: Role[] | 'any';
      url: (f: Foreign) => string;
      body?: (f: Foreign) => object;
      expect?: (role: Role) => number;
      mustNotContain?: (f: Foreign) => string[];
    }
  /** A list without a tenant selector: 200 (or 403) and never a foreign id in it. */
  | { kind: 'list'; roles: Role[] | 'any'; url: string; foreignIds: (f: Foreign) => string[] }
  /** Not about another tenant's resources; why, and where it is tested. */
  | { kind: 'not-tenant'; reason: string };

/** Providers and their services are visible by design to municipalities and the VNG (who contract them), not to other providers. */
const providerRead = (role: Role) => (role === 'PROVIDER_ADMIN' ? 404 : 200);
const providerWrite = (role: Role) => (role === 'PROVIDER_ADMIN' ? 404 : 403);
const contractWrite: Role[] = ['CONTRACT_MANAGER', 'ORG_ADMIN'];

const ROUTES: Record<string, RouteCase> = {
  'POST /api/v1/auth/login': { kind: 'not-tenant', reason: 'public sign-in (auth.e2e-spec)' },
  'POST /api/v1/auth/refresh': { kind: 'not-tenant', reason: 'the refresh token is the credential (auth.e2e-spec)' },
  'POST /api/v1/auth/logout': { kind: 'not-tenant', reason: 'the refresh token is the credential (auth.e2e-spec)' },
  'POST /api/v1/auth/session': {
    kind: 'not-tenant',
    reason: 'public sign-in for the portal (auth.e2e-spec, portal-session.e2e-spec)',
  },
  'POST /api/v1/auth/session/refresh': {
    kind: 'not-tenant',
    reason: 'the session cookie is the credential (auth.e2e-spec)',
  },
  'POST /api/v1/auth/session/end': {
    kind: 'not-tenant',
    reason: 'the session cookie is the credential (auth.e2e-spec)',
  },
  'GET /api/v1/me': { kind: 'not-tenant', reason: 'the caller itself' },
  'GET /api/v1/municipalities': { kind: 'not-tenant', reason: 'reference data, public to every signed-in user' },
  'GET /api/v1/municipalities/:code': { kind: 'not-tenant', reason: 'reference data' },
  'GET /api/v1/municipalities/:code/population': { kind: 'not-tenant', reason: 'reference data' },
  'GET /api/v1/provinces': { kind: 'not-tenant', reason: 'reference data' },
  'POST /api/v1/organisations': { kind: 'not-tenant', reason: 'OPERATOR only (users.e2e-spec: 403 for others)' },
  'POST /api/v1/api-keys': { kind: 'not-tenant', reason: 'always creates in the own organisation (auth.e2e-spec)' },

  'GET /api/v1/users': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/users?organisation=${f.organisationId}`,
  },
  'POST /api/v1/users': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: () => '/api/v1/users',
    body: (f) => ({
      email: 'indringer@example.nl',
      name: 'Indringer',
      roles: ['OFFICER'],
      password: 'long-enough-password',
      organisationId: f.organisationId,
    }),
  },
  'GET /api/v1/users/:id': { kind: 'foreign', roles: ['ORG_ADMIN'], url: (f) => `/api/v1/users/${f.userId}` },
  'PATCH /api/v1/users/:id': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/users/${f.userId}`,
    body: () => ({ name: 'Overgenomen' }),
  },
  'GET /api/v1/api-keys': {
    kind: 'list',
    roles: ['ORG_ADMIN'],
    url: '/api/v1/api-keys',
    foreignIds: (f) => [f.apiKeyId],
  },
  'DELETE /api/v1/api-keys/:id': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/api-keys/${f.apiKeyId}`,
  },
  'GET /api/v1/organisations': {
    kind: 'list',
    roles: 'any',
    url: '/api/v1/organisations?limit=500',
    foreignIds: (f) => [f.organisationId],
  },
  'GET /api/v1/organisations/:id': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/organisations/${f.organisationId}`,
  },
  'GET /api/v1/audit-events': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/audit-events?organisation=${f.organisationId}`,
  },

  'GET /api/v1/duties': { kind: 'not-tenant', reason: 'the legal duties: a catalogue' },
  'POST /api/v1/providers': { kind: 'not-tenant', reason: 'OPERATOR only' },
  'GET /api/v1/providers': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/providers',
    expect: () => 200,
    mustNotContain: (f) => [f.contractId],
  },
  'GET /api/v1/providers/:id': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/providers/${f.providerId}`,
    expect: providerRead,
  },
  'PATCH /api/v1/providers/:id': {
    kind: 'foreign',
    roles: ['PROVIDER_ADMIN'],
    url: (f) => `/api/v1/providers/${f.providerId}`,
    body: () => ({ city: 'Elders' }),
    expect: providerWrite,
  },
  'GET /api/v1/providers/:id/services': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/providers/${f.providerId}/services`,
    expect: providerRead,
  },
  'POST /api/v1/providers/:id/services': {
    kind: 'foreign',
    roles: ['PROVIDER_ADMIN'],
    url: (f) => `/api/v1/providers/${f.providerId}/services`,
    body: () => ({ name: 'Indringer', dutyCode: 'WMO2015_2_2_4_1B', channels: [{ kind: 'PHONE', schedule: [] }] }),
    expect: providerWrite,
  },
  'GET /api/v1/providers/:id/services/:serviceId': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/providers/${f.providerId}/services/${f.serviceId}`,
    expect: providerRead,
  },
  'POST /api/v1/providers/:id/services/:serviceId/closures': {
    kind: 'foreign',
    roles: ['PROVIDER_ADMIN'],
    url: (f) => `/api/v1/providers/${f.providerId}/services/${f.serviceId}/closures`,
    body: () => ({
      channel: 'PHONE',
      from: '2030-01-01T00:00:00+01:00',
      to: '2030-01-02T00:00:00+01:00',
      reason: 'matrix',
    }),
    expect: providerWrite,
  },
  'GET /api/v1/providers/:id/statistics': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/providers/${f.providerId}/statistics`,
    expect: providerRead,
  },
  'POST /api/v1/providers/:id/statistics': {
    kind: 'foreign',
    roles: ['PROVIDER_ADMIN'],
    url: (f) => `/api/v1/providers/${f.providerId}/statistics`,
    body: () => ({ year: 2030, channels: [{ kind: 'PHONE', conversations: 1 }] }),
    expect: providerWrite,
  },
  'GET /api/v1/contracts': {
    kind: 'list',
    roles: 'any',
    url: '/api/v1/contracts?limit=500',
    foreignIds: (f) => [f.contractId],
  },
  'POST /api/v1/contracts': {
    kind: 'foreign',
    roles: contractWrite,
    url: () => '/api/v1/contracts',
    body: (f) => ({
      kind: 'INDIVIDUAL',
      municipalityCode: 'GM0363',
      dutyCode: 'WMO2015_2_2_4_1B',
      title: 'Indringer',
      supplierId: f.providerId,
      startDate: '2030-01-01',
      fundingModel: 'DIRECT_INVOICE',
      vatCategory: 'S',
    }),
    // Another municipality's own contract: its ORG_ADMIN's is a 404; the VNG does not make individual contracts at all.
    expect: (role) => (role === 'ORG_ADMIN' ? 404 : 403),
  },
  'GET /api/v1/contracts/:id': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/contracts/${f.contractId}` },
  'PATCH /api/v1/contracts/:id': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}`,
    body: () => ({ title: 'Overgenomen' }),
  },
  'POST /api/v1/contracts/:id/activate': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/activate`,
  },
  'POST /api/v1/contracts/:id/terminate': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/terminate`,
    body: () => ({ terminationDate: '2030-01-01', reason: 'opgezegd' }),
  },
  'GET /api/v1/contracts/:id/amendments': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/contracts/${f.contractId}/amendments`,
  },
  'POST /api/v1/contracts/:id/amendments': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/amendments`,
    body: () => ({ effectiveDate: '2030-01-01', reason: 'matrix', perInhabitant: '0.3000' }),
  },
  'GET /api/v1/contracts/:id/tariffs': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/contracts/${f.contractId}/tariffs`,
  },
  'POST /api/v1/contracts/:id/tariffs': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/tariffs`,
    body: () => ({ perInhabitant: '0.3000', validFrom: '2030-01-01' }),
  },
  'GET /api/v1/contracts/:id/participants': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/contracts/${f.contractId}/participants`,
  },
  'POST /api/v1/contracts/:id/participants': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/participants`,
    body: () => ({ code: 'GM0106', from: '2030-01-01' }),
  },
  'DELETE /api/v1/contracts/:id/participants/:code': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/participants/GM0363?endDate=2030-01-01`,
  },
  'POST /api/v1/contracts/:id/participants/roll-over': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/participants/roll-over?year=2019`,
  },
  'GET /api/v1/contracts/:id/exceptions': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/contracts/${f.contractId}/exceptions`,
  },
  'POST /api/v1/contracts/:id/exceptions': {
    kind: 'foreign',
    roles: contractWrite,
    url: (f) => `/api/v1/contracts/${f.contractId}/exceptions`,
    body: () => ({ code: 'GM0106', kind: 'EXCLUDED', reason: 'matrix' }),
  },
  'GET /api/v1/municipalities/:code/contracts': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/municipalities/GM0363/contracts?date=2025-06-01',
    // The VNG sees Amsterdam as a participant of De Kindertelefoon's contract, never Amsterdam's own contract.
    expect: (role) => (role === 'CONTRACT_MANAGER' ? 200 : 404),
    mustNotContain: (f) => [f.contractId],
  },

  'GET /api/v1/municipalities/:code/obligations': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/municipalities/GM0363/obligations?year=2025',
    // The VNG sees every municipality's status by design; Amsterdam is not served by Stichting Sensoor.
    expect: (role) => (role === 'CONTRACT_MANAGER' ? 200 : 404),
  },
  'GET /api/v1/municipalities/:code/compliance-report': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/municipalities/GM0363/compliance-report?year=2025&format=json',
  },
  'GET /api/v1/compliance/overview': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/compliance/overview?year=2025',
    // The VNG: every municipality; a provider: those it serves (compliance.e2e-spec); a municipality: its own obligations instead.
    expect: (role) => (role === 'CONTRACT_MANAGER' || role === 'PROVIDER_ADMIN' ? 200 : 403),
    mustNotContain: (f) => [f.contractId],
  },

  'POST /api/v1/compliance/evaluations': {
    kind: 'not-tenant',
    reason: 'OPERATOR only (403 for others: notifications.e2e-spec)',
  },
  'GET /api/v1/notifications': {
    kind: 'list',
    roles: 'any',
    url: '/api/v1/notifications?limit=200',
    foreignIds: (f) => [f.notificationId],
  },
  'POST /api/v1/notifications/:id/read': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/notifications/${f.notificationId}/read`,
  },
  'GET /api/v1/webhooks': {
    kind: 'list',
    roles: ['ORG_ADMIN'],
    url: '/api/v1/webhooks',
    foreignIds: (f) => [f.webhookId],
  },
  'POST /api/v1/webhooks': {
    kind: 'not-tenant',
    reason: 'always registers for the own organisation (notifications.e2e-spec)',
  },
  'DELETE /api/v1/webhooks/:id': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/webhooks/${f.webhookId}`,
  },
  'GET /api/v1/webhooks/:id/deliveries': {
    kind: 'foreign',
    roles: ['ORG_ADMIN'],
    url: (f) => `/api/v1/webhooks/${f.webhookId}/deliveries`,
  },

  'POST /api/v1/contracts/:id/invoice-runs': {
    kind: 'foreign',
    roles: ['CONTRACT_MANAGER', 'PROVIDER_ADMIN', 'FINANCE'],
    url: (f) => `/api/v1/contracts/${f.contractId}/invoice-runs`,
    body: () => ({ year: 2024 }),
  },
  'GET /api/v1/invoice-runs/:id': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/invoice-runs/${f.runId}` },
  'GET /api/v1/invoice-runs/:id/documents.zip': {
    kind: 'foreign',
    roles: 'any',
    url: (f) => `/api/v1/invoice-runs/${f.runId}/documents.zip`,
  },
  'GET /api/v1/invoices': {
    kind: 'list',
    roles: 'any',
    url: '/api/v1/invoices?limit=500',
    foreignIds: (f) => [f.documentId, f.documentNumber],
  },
  'GET /api/v1/invoices/export.csv': {
    kind: 'foreign',
    roles: 'any',
    url: () => '/api/v1/invoices/export.csv?year=2026',
    expect: () => 200,
    mustNotContain: (f) => [f.documentNumber],
  },
  'GET /api/v1/invoices/:id': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/invoices/${f.documentId}` },
  'GET /api/v1/invoices/:id/pdf': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/invoices/${f.documentId}/pdf` },
  'GET /api/v1/invoices/:id/ubl': { kind: 'foreign', roles: 'any', url: (f) => `/api/v1/invoices/${f.documentId}/ubl` },
  'POST /api/v1/invoices/:id/credit-notes': {
    kind: 'foreign',
    roles: ['FINANCE', 'PROVIDER_ADMIN'],
    url: (f) => `/api/v1/invoices/${f.documentId}/credit-notes`,
    body: () => ({ reason: 'matrix' }),
  },
  'POST /api/v1/invoices/:id/payments': {
    kind: 'foreign',
    roles: ['FINANCE', 'PROVIDER_ADMIN'],
    url: (f) => `/api/v1/invoices/${f.documentId}/payments`,
    body: () => ({ amountCents: 100, date: '2026-12-01', reference: 'matrix' }),
  },
  'GET /api/v1/municipalities/:code/billing-details': {
    kind: 'foreign',
    roles: ['FINANCE', 'ORG_ADMIN'],
    url: () => '/api/v1/municipalities/GM0363/billing-details',
  },
  'PUT /api/v1/municipalities/:code/billing-details': {
    kind: 'foreign',
    roles: ['FINANCE', 'ORG_ADMIN'],
    url: () => '/api/v1/municipalities/GM0363/billing-details',
    body: () => ({ oin: '00000001001234567000' }),
  },
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
      (
        await sql<{ id: string }>(
          t.databaseUrl,
          `SELECT id FROM organisation WHERE municipality_code = $1 OR name = $1`,
          [organisation],
        )
      )[0].id;
    for (const caller of CALLERS) {
      await operator
        .post('/api/v1/users')
        .send({
          email: caller.email,
          name: caller.role,
          roles: [caller.role],
          password: PASSWORD,
          organisationId: await orgOf(caller.organisation),
        })
        .expect(201);
      clients.set(caller.role, await t.as(caller.email, PASSWORD));
    }
    const groningen = await orgOf('GM0014');
    await operator
      .post('/api/v1/users')
      .send({
        email: 'admin@groningen.nl',
        name: 'Beheer',
        roles: ['ORG_ADMIN'],
        password: PASSWORD,
        organisationId: groningen,
      })
      .expect(201);
    const groningenAdmin = await t.as('admin@groningen.nl', PASSWORD);
    const key = await groningenAdmin
      .post('/api/v1/api-keys')
      .send({ name: 'ERP', roles: ['ORG_ADMIN'] })
      .expect(201);
    const webhook = await groningenAdmin
      .post('/api/v1/webhooks')
      .send({ url: 'https://erp.groningen.nl/hooks', events: ['invoice.issued'] })
      .expect(201);
    const [notification] = await sql<{ id: string }>(
      t.databaseUrl,
      `INSERT INTO notification (organisation_id, kind, subject_type, subject_id, title, message, dedupe_key)
       VALUES ($1, 'NON_COMPLIANT', 'obligation', 'WMO2015_2_2_4_1B', 'Groningen voldoet niet', 'matrix', 'matrix') RETURNING id`,
      [groningen],
    );
    const [user] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM app_user WHERE email = 'officer.gm0014@demo.nl'`,
    );
    const [contract] = await sql<{ id: string; supplier_id: string }>(
      t.databaseUrl,
      `SELECT id, supplier_id FROM contract WHERE reference = 'GM0363-LUISTEREND-OOR'`,
    );
    const [service] = await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM service WHERE provider_id = $1`, [
      contract.supplier_id,
    ]);
    const started = await operator
      .post(`/api/v1/contracts/${contract.id}/invoice-runs`)
      .set('Idempotency-Key', 'matrix')
      .send({ year: 2025 })
      .expect(202);
    for (
      let i = 0;
      i < 100 && (await operator.get(`/api/v1/invoice-runs/${started.body.id}`)).body.status !== 'COMPLETED';
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    const [document] = await sql<{ id: string; number: string }>(
      t.databaseUrl,
      `SELECT id, number FROM invoice_document WHERE run_id = $1`,
      [started.body.id],
    );
    foreign = {
      organisationId: groningen,
      userId: user.id,
      apiKeyId: key.body.id,
      contractId: contract.id,
      providerId: contract.supplier_id,
      serviceId: service.id,
      runId: started.body.id,
      documentId: document.id,
      documentNumber: document.number,
      notificationId: notification.id,
      webhookId: webhook.body.id,
    };
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
    await clients
      .get('ORG_ADMIN')!
      .patch(
        `/api/v1/users/${(await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM app_user WHERE email = 'matrix.officer@assen.nl'`))[0].id}`,
      )
      .send({ name: 'Officer' })
      .expect(200);
    expect(await fingerprint()).not.toEqual(before);
  });

  const cases = Object.entries(ROUTES).flatMap(([route, routeCase]) =>
    routeCase.kind === 'not-tenant' ? [] : CALLERS.map((caller) => [route, caller.role, routeCase] as const),
  );

  it.each(cases)(
    '%s as %s: 404 for a foreign resource (403 without the role), nothing changes',
    async (route, role, routeCase) => {
      const client = clients.get(role)!;
      const allowed = routeCase.roles === 'any' || routeCase.roles.includes(role);
      const [method] = route.split(' ');
      const before = await fingerprint();
      if (routeCase.kind === 'foreign') {
        let call = client[method.toLowerCase() as 'get'](routeCase.url(foreign));
        if (routeCase.body) call = call.send(routeCase.body(foreign));
        const res = await call;
        const expected = routeCase.expect ? routeCase.expect(role) : allowed ? 404 : 403;
        expect([route, role, res.status, res.status === 400 ? res.body.errors : undefined]).toEqual([
          route,
          role,
          expected,
          undefined,
        ]);
        if (expected >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        for (const id of routeCase.mustNotContain?.(foreign) ?? []) expect(JSON.stringify(res.body)).not.toContain(id);
      } else if (routeCase.kind === 'list') {
        const res = await client.get(routeCase.url);
        expect([route, role, res.status]).toEqual([route, role, allowed ? 200 : 403]);
        for (const id of routeCase.foreignIds(foreign)) expect(JSON.stringify(res.body)).not.toContain(id);
      }
      expect(await fingerprint()).toEqual(before);
    },
  );
});
