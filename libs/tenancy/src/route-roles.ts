import type { Role } from './principal';

/** Who may call a route: no credentials (`public`), any signed-in caller (`any`), or one of these roles (OPERATOR has them all). */
export type RouteAccess = 'public' | 'any' | readonly Role[];

/**
 * Invoices, credit notes and allocation statements, their PDFs and e-invoices: finance staff, the
 * VNG's contract managers (central invoices, allocation statements) and the provider that issued
 * them; not a municipality's OFFICER (compliance and reports, not invoices) nor an ORG_ADMIN.
 */
const INVOICE_READERS = ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'] as const;

/**
 * Every route of the API and who may call it: the one table. Controllers take their guard from it
 * (`@RouteRoles('GET /api/v1/invoices')`), and the isolation tests (test/isolation/) check that
 * every registered route has an entry, that each route's guard metadata says the same, and probe
 * every route with every role accordingly. A route missing here fails those tests.
 */
export const ROUTE_ROLES = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/me': 'any',
  'POST /api/v1/auth/session': 'public',
  'POST /api/v1/auth/session/refresh': 'public',
  'POST /api/v1/auth/session/end': 'public',
  'GET /api/v1/users': ['ORG_ADMIN'],
  'POST /api/v1/users': ['ORG_ADMIN'],
  'GET /api/v1/users/:id': ['ORG_ADMIN'],
  'PATCH /api/v1/users/:id': ['ORG_ADMIN'],
  'GET /api/v1/api-keys': ['ORG_ADMIN'],
  'POST /api/v1/api-keys': ['ORG_ADMIN'],
  'DELETE /api/v1/api-keys/:id': ['ORG_ADMIN'],
  'GET /api/v1/organisations': 'any',
  'GET /api/v1/organisations/:id': 'any',
  'POST /api/v1/organisations': ['OPERATOR'],
  'GET /api/v1/audit-events': ['ORG_ADMIN'],
  'GET /health': 'public',
  'GET /api/v1/municipalities': 'any',
  'GET /api/v1/municipalities/:code': 'any',
  'GET /api/v1/municipalities/:code/population': 'any',
  'GET /api/v1/provinces': 'any',
  'POST /api/v1/reference-data/population-imports': ['OPERATOR'],
  'GET /api/v1/duties': 'any',
  'GET /api/v1/providers': 'any',
  'POST /api/v1/providers': ['OPERATOR'],
  'GET /api/v1/providers/:id': 'any',
  'PATCH /api/v1/providers/:id': ['PROVIDER_ADMIN'],
  'GET /api/v1/providers/:id/services': 'any',
  'POST /api/v1/providers/:id/services': ['PROVIDER_ADMIN'],
  'GET /api/v1/providers/:id/services/:serviceId': 'any',
  'PATCH /api/v1/providers/:id/services/:serviceId': ['PROVIDER_ADMIN'],
  'POST /api/v1/providers/:id/services/:serviceId/closures': ['PROVIDER_ADMIN'],
  'DELETE /api/v1/providers/:id/services/:serviceId/closures/:closureId': ['PROVIDER_ADMIN'],
  'GET /api/v1/contracts': 'any',
  'POST /api/v1/contracts': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/contracts/:id': 'any',
  'PATCH /api/v1/contracts/:id': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'POST /api/v1/contracts/:id/activate': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'POST /api/v1/contracts/:id/terminate': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/contracts/:id/amendments': 'any',
  'POST /api/v1/contracts/:id/amendments': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/contracts/:id/tariffs': 'any',
  'POST /api/v1/contracts/:id/tariffs': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/contracts/:id/participants': 'any',
  'POST /api/v1/contracts/:id/participants': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'DELETE /api/v1/contracts/:id/participants/:code': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'POST /api/v1/contracts/:id/participants/roll-over': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/contracts/:id/exceptions': 'any',
  'POST /api/v1/contracts/:id/exceptions': ['CONTRACT_MANAGER', 'ORG_ADMIN'],
  'GET /api/v1/municipalities/:code/contracts': 'any',
  'POST /api/v1/reference-data/reorganisation-imports': ['OPERATOR'],
  'GET /api/v1/contracts/:id/invoice-runs/readiness': ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'],
  'GET /api/v1/contracts/:id/billing-differences': 'any',
  'POST /api/v1/contracts/:id/invoice-runs': ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'],
  'POST /api/v1/contracts/:id/correction-runs': ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'],
  'GET /api/v1/invoice-runs/:id': 'any',
  'POST /api/v1/invoice-runs/:id/resume': ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'],
  'POST /api/v1/invoice-runs/:id/release-held': ['CONTRACT_MANAGER', 'FINANCE', 'PROVIDER_ADMIN'],
  'GET /api/v1/invoice-runs/:id/documents.zip': INVOICE_READERS,
  'GET /api/v1/invoices': INVOICE_READERS,
  'GET /api/v1/invoices/export.csv': INVOICE_READERS,
  'GET /api/v1/invoices/:id': INVOICE_READERS,
  'GET /api/v1/invoices/:id/pdf': INVOICE_READERS,
  'GET /api/v1/invoices/:id/ubl': INVOICE_READERS,
  'POST /api/v1/invoices/:id/credit-notes': ['FINANCE', 'PROVIDER_ADMIN'],
  'POST /api/v1/invoices/:id/replacement': ['FINANCE', 'PROVIDER_ADMIN'],
  'POST /api/v1/invoices/:id/payments': ['FINANCE', 'PROVIDER_ADMIN'],
  'GET /api/v1/municipalities/:code/billing-details': ['FINANCE', 'ORG_ADMIN'],
  'PUT /api/v1/municipalities/:code/billing-details': ['FINANCE', 'ORG_ADMIN'],
  'GET /api/v1/organisations/:id/billing-details': ['FINANCE', 'ORG_ADMIN'],
  'PUT /api/v1/organisations/:id/billing-details': ['FINANCE', 'ORG_ADMIN'],
  'POST /api/v1/billing-details/imports': ['CONTRACT_MANAGER'],
  'GET /api/v1/notifications': 'any',
  'POST /api/v1/notifications/:id/read': 'any',
  'GET /api/v1/webhooks': ['ORG_ADMIN'],
  'POST /api/v1/webhooks': ['ORG_ADMIN'],
  'DELETE /api/v1/webhooks/:id': ['ORG_ADMIN'],
  'GET /api/v1/webhooks/:id/deliveries': ['ORG_ADMIN'],
  'GET /api/v1/providers/:id/statistics': 'any',
  'POST /api/v1/providers/:id/statistics': ['PROVIDER_ADMIN'],
  'GET /api/v1/municipalities/:code/obligations': 'any',
  'GET /api/v1/municipalities/:code/compliance-report': 'any',
  'POST /api/v1/compliance/evaluations': ['OPERATOR'],
  'GET /api/v1/compliance/overview': 'any',
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ROUTE_ROLES;
