import { randomUUID } from 'node:crypto';
import { ROUTE_ROLES, RouteAccess } from '@wmo/tenancy';
import { registeredRoutes } from '../../apps/api/src/create-api-app';
import { startTestApp, TestApp } from '../support/test-app';
import { declaredAccess } from './declared-access';

/**
 * ROUTE_ROLES is the one table of who may call which route: every route the app serves has an
 * entry, and the guard metadata on each route says exactly what the table says.
 */
describe('route roles: one table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const normalised = (access: RouteAccess) => (typeof access === 'string' ? access : [...access].sort());

  it('every registered route has an entry in ROUTE_ROLES, and every entry is a route', () => {
    const routes = registeredRoutes(t.app)
      .filter((route) => route.url.startsWith('/api/v1') || route.url === '/health')
      .map((route) => `${route.method} ${route.url}`);
    expect(routes.filter((route) => !(route in ROUTE_ROLES))).toEqual([]);
    expect(Object.keys(ROUTE_ROLES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it("each route's guard metadata is its entry in ROUTE_ROLES", () => {
    const declared = Object.fromEntries(declaredAccess(t.app));
    const table = Object.fromEntries(
      Object.entries(ROUTE_ROLES as Record<string, RouteAccess>).map(([route, access]) => [route, normalised(access)]),
    );
    expect(declared).toEqual(table);
  });

  describe('invoices are for finance, contract managers and providers, not for a municipal officer', () => {
    const id = randomUUID();
    const invoiceRoutes = [
      '/api/v1/invoices',
      '/api/v1/invoices/export.csv?year=2025',
      '/api/v1/invoices/export.xlsx?year=2025',
      `/api/v1/invoices/${id}`,
      `/api/v1/invoices/${id}/pdf`,
      `/api/v1/invoices/${id}/ubl`,
      `/api/v1/invoice-runs/${id}/documents.zip`,
    ];

    it.each(invoiceRoutes)('GET %s as the OFFICER of Assen: 403 problem', async (url) => {
      const officer = await t.as('officer.gm0106@demo.nl');
      const res = await officer.get(url);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('the finance staff of Assen still list their invoices and export them', async () => {
      const finance = await t.as('finance.gm0106@demo.nl');
      expect((await finance.get('/api/v1/invoices')).status).toBe(200);
      expect((await finance.get('/api/v1/invoices/export.csv?year=2025')).status).toBe(200);
    });
  });
});
