import { mayCall, type RouteCases } from '../route-cases';

/** Invoice runs, documents with their files, credit notes and payments, and billing details. */
export const INVOICING_ROUTES: RouteCases = {
  'POST /api/v1/contracts/:id/invoice-runs': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/invoice-runs`,
    body: () => ({ year: 2024 }),
  },
  'GET /api/v1/contracts/:id/invoice-runs/readiness': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/invoice-runs/readiness?year=2025`,
  },
  'GET /api/v1/contracts/:id/billing-differences': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/billing-differences?year=2025`,
  },
  'GET /api/v1/contracts/:id/billing-differences/export.csv': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/billing-differences/export.csv?year=2025`,
  },
  'GET /api/v1/contracts/:id/billing-differences/export.xlsx': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/billing-differences/export.xlsx?year=2025`,
  },
  'POST /api/v1/contracts/:id/correction-runs': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/correction-runs`,
    body: () => ({ year: 2025 }),
  },
  'GET /api/v1/invoice-runs': {
    kind: 'list',
    url: '/api/v1/invoice-runs?limit=500',
    foreignIds: (f) => [f.runId, f.contractId],
  },
  'GET /api/v1/invoice-runs/:id': { kind: 'foreign', url: (f) => `/api/v1/invoice-runs/${f.runId}` },
  'POST /api/v1/invoice-runs/:id/resume': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoice-runs/${f.runId}/resume`,
  },
  'POST /api/v1/invoice-runs/:id/release-held': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoice-runs/${f.runId}/release-held`,
  },
  'GET /api/v1/invoice-runs/:id/documents.zip': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoice-runs/${f.runId}/documents.zip`,
  },
  'GET /api/v1/invoices': {
    kind: 'list',
    url: '/api/v1/invoices?limit=500',
    foreignIds: (f) => [f.documentId, f.documentNumber],
  },
  'GET /api/v1/invoices/summary': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoices/summary?contract=${f.contractId}`,
    expect: (role) => (mayCall('GET /api/v1/invoices/summary', role) ? 200 : 403),
    mustNotContain: () => ['invoiceCount'],
  },
  'GET /api/v1/invoices/export.csv': {
    kind: 'foreign',
    url: () => '/api/v1/invoices/export.csv?year=2026',
    expect: (role) => (mayCall('GET /api/v1/invoices/export.csv', role) ? 200 : 403),
    mustNotContain: (f) => [f.documentNumber],
  },
  'GET /api/v1/invoices/export.xlsx': {
    kind: 'foreign',
    url: () => '/api/v1/invoices/export.xlsx?year=2026',
    // The rows of the CSV above (one service call), zipped: nothing a text search could find in it.
    expect: (role) => (mayCall('GET /api/v1/invoices/export.xlsx', role) ? 200 : 403),
  },
  'GET /api/v1/invoices/:id': { kind: 'foreign', url: (f) => `/api/v1/invoices/${f.documentId}` },
  'GET /api/v1/invoices/:id/pdf': { kind: 'foreign', url: (f) => `/api/v1/invoices/${f.documentId}/pdf` },
  'GET /api/v1/invoices/:id/ubl': { kind: 'foreign', url: (f) => `/api/v1/invoices/${f.documentId}/ubl` },
  'POST /api/v1/invoices/:id/replacement': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoices/${f.documentId}/replacement`,
  },
  'POST /api/v1/invoices/:id/credit-notes': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoices/${f.documentId}/credit-notes`,
    body: () => ({ reason: 'matrix' }),
  },
  'POST /api/v1/invoices/:id/payments': {
    kind: 'foreign',
    url: (f) => `/api/v1/invoices/${f.documentId}/payments`,
    body: () => ({ amountCents: 100, date: '2026-12-01', reference: 'matrix' }),
  },
  'GET /api/v1/municipalities/:code/billing-details': {
    kind: 'foreign',
    url: () => '/api/v1/municipalities/GM0363/billing-details',
  },
  'POST /api/v1/billing-details/imports': {
    kind: 'not-tenant',
    reason: 'a file of many municipalities: who may set which is tested in invoicing/billing-details-imports.e2e-spec',
  },
  'PUT /api/v1/municipalities/:code/billing-details': {
    kind: 'foreign',
    url: () => '/api/v1/municipalities/GM0363/billing-details',
    body: () => ({ oin: '00000001001234567000' }),
  },
  'GET /api/v1/organisations/:id/billing-details': {
    kind: 'foreign',
    url: (f) => `/api/v1/organisations/${f.organisationId}/billing-details`,
  },
  'PUT /api/v1/organisations/:id/billing-details': {
    kind: 'foreign',
    url: (f) => `/api/v1/organisations/${f.organisationId}/billing-details`,
    body: () => ({ oin: '00000001001234567000' }),
  },
};
