import { Client as PgClient } from 'pg';
import { registeredRoutes } from '../../apps/api/src/create-api-app';
import type { Role } from '@wmo/tenancy';
import { sql } from '../support/test-database';
import { Client, startTestApp, TestApp, waitForRun } from '../support/test-app';
import { Foreign, mayCall, ROUTES } from './route-cases';

/**
 * The isolation matrix: every route of the application that reads or writes a tenant resource,
 * for every role, aimed at a resource of a foreign organisation. Each must answer 404 (or 403
 * when the role lacks the right) and change nothing. The routes come from the application's own
 * route table: a new route without an entry in route-cases.ts fails the first test.
 */

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

  /** One connection as the owner for the fingerprints: a new connection for each would cost more than the query. */
  let owner: PgClient;
  /** A fingerprint of every tenant table, to prove that refused requests changed nothing. */
  const fingerprint = async () =>
    (
      await owner.query<{ table: string; digest: string }>(
        `SELECT c.relname AS table,
              (xpath('/row/d/text()', query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS d FROM %I t', '|', '', c.relname), false, true, '')))[1]::text AS digest
         FROM pg_class c WHERE c.relkind = 'r' AND c.relrowsecurity AND c.relnamespace = 'public'::regnamespace ORDER BY 1`,
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new PgClient({ connectionString: t.databaseUrl });
    await owner.connect();
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
    expect(await waitForRun(operator, started.body.id)).toMatchObject({ status: 'COMPLETED' });
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
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

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

  /**
   * The fingerprint the last case ended with: the next case's "before" (nothing runs in between).
   * Unknown again as soon as a case fails before its end, so a failure cannot carry over.
   */
  let lastFingerprint: Awaited<ReturnType<typeof fingerprint>> | undefined;

  it.each(cases)(
    '%s as %s: 404 for a foreign resource (403 without the role), nothing changes',
    async (route, role, routeCase) => {
      const client = clients.get(role)!;
      // Who may call the route comes from the one table the guards read.
      const allowed = mayCall(route, role);
      const [method] = route.split(' ');
      const before = lastFingerprint ?? (await fingerprint());
      lastFingerprint = undefined;
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
      const after = await fingerprint();
      expect(after).toEqual(before);
      lastFingerprint = after;
    },
  );
});
