import type { RouteCases } from '../route-cases';

/** Obligations, the overview and reports, the evaluation, notifications and webhooks. */
export const COMPLIANCE_ROUTES: RouteCases = {
  'GET /api/v1/municipalities/:code/obligations': {
    kind: 'foreign',
    url: () => '/api/v1/municipalities/GM0363/obligations?year=2025',
    // The VNG sees every municipality's status by design; Amsterdam is not served by Stichting Sensoor.
    expect: (role) => (role === 'CONTRACT_MANAGER' ? 200 : 404),
  },
  'GET /api/v1/municipalities/:code/compliance-report': {
    kind: 'foreign',
    url: () => '/api/v1/municipalities/GM0363/compliance-report?year=2025&format=json',
  },
  'GET /api/v1/compliance/overview': {
    kind: 'foreign',
    url: () => '/api/v1/compliance/overview?year=2025',
    // The VNG: every municipality; a provider: those it serves (compliance/access.e2e-spec, compliance/weekly-gaps.e2e-spec); a municipality: its own obligations instead.
    expect: (role) => (role === 'CONTRACT_MANAGER' || role === 'PROVIDER_ADMIN' ? 200 : 403),
    mustNotContain: (f) => [f.contractId],
  },
  'GET /api/v1/compliance/overview/export.csv': {
    kind: 'foreign',
    url: () => '/api/v1/compliance/overview/export.csv?year=2025',
    // The rows of GET /api/v1/compliance/overview, for the same callers.
    expect: (role) => (role === 'CONTRACT_MANAGER' || role === 'PROVIDER_ADMIN' ? 200 : 403),
  },
  'GET /api/v1/compliance/overview/export.xlsx': {
    kind: 'foreign',
    url: () => '/api/v1/compliance/overview/export.xlsx?year=2025',
    // The same rows as the CSV (one service call), zipped: nothing a text search could find in it.
    expect: (role) => (role === 'CONTRACT_MANAGER' || role === 'PROVIDER_ADMIN' ? 200 : 403),
  },

  'POST /api/v1/compliance/evaluations': {
    kind: 'not-tenant',
    reason: 'OPERATOR only (403 for others: notifications/obligation-changes.e2e-spec)',
  },
  'GET /api/v1/notifications': {
    kind: 'list',
    url: '/api/v1/notifications?limit=200',
    foreignIds: (f) => [f.notificationId],
  },
  'POST /api/v1/notifications/:id/read': {
    kind: 'foreign',
    url: (f) => `/api/v1/notifications/${f.notificationId}/read`,
  },
  'GET /api/v1/webhooks': {
    kind: 'list',
    url: '/api/v1/webhooks',
    foreignIds: (f) => [f.webhookId],
  },
  'POST /api/v1/webhooks': {
    kind: 'not-tenant',
    reason: 'always registers for the own organisation (notifications/obligation-changes.e2e-spec)',
  },
  'DELETE /api/v1/webhooks/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/webhooks/${f.webhookId}`,
  },
  'GET /api/v1/webhooks/:id/deliveries': {
    kind: 'foreign',
    url: (f) => `/api/v1/webhooks/${f.webhookId}/deliveries`,
  },
};
