import type { RouteCases } from '../route-cases';

/** Sign-in, the caller, reference data, organisations, users, API keys and the audit log. */
export const IDENTITY_ROUTES: RouteCases = {
  'POST /api/v1/auth/login': { kind: 'not-tenant', reason: 'public sign-in (auth/sign-in.e2e-spec)' },
  'POST /api/v1/auth/refresh': {
    kind: 'not-tenant',
    reason: 'the refresh token is the credential (auth/refresh-tokens.e2e-spec)',
  },
  'POST /api/v1/auth/logout': {
    kind: 'not-tenant',
    reason: 'the refresh token is the credential (auth/refresh-tokens.e2e-spec)',
  },
  'POST /api/v1/auth/session': {
    kind: 'not-tenant',
    reason: 'public sign-in for the portal (auth/refresh-tokens.e2e-spec, portal-session.e2e-spec)',
  },
  'POST /api/v1/auth/session/refresh': {
    kind: 'not-tenant',
    reason: 'the session cookie is the credential (auth/refresh-tokens.e2e-spec)',
  },
  'POST /api/v1/auth/session/end': {
    kind: 'not-tenant',
    reason: 'the session cookie is the credential (auth/refresh-tokens.e2e-spec)',
  },
  'GET /api/v1/me': { kind: 'not-tenant', reason: 'the caller itself' },
  'GET /api/v1/municipalities': { kind: 'not-tenant', reason: 'reference data, public to every signed-in user' },
  'GET /api/v1/municipalities/:code': { kind: 'not-tenant', reason: 'reference data' },
  'GET /api/v1/municipalities/:code/population': { kind: 'not-tenant', reason: 'reference data' },
  'POST /api/v1/reference-data/population-imports': {
    kind: 'not-tenant',
    reason: 'OPERATOR only; reference data (reference-data/population-imports.e2e-spec)',
  },
  'POST /api/v1/reference-data/reorganisation-imports': {
    kind: 'not-tenant',
    reason: 'OPERATOR only; reference data (reference-data/reorganisation-imports.e2e-spec)',
  },
  'GET /api/v1/provinces': { kind: 'not-tenant', reason: 'reference data' },
  'POST /api/v1/organisations': { kind: 'not-tenant', reason: 'OPERATOR only (users.e2e-spec: 403 for others)' },
  'POST /api/v1/api-keys': {
    kind: 'not-tenant',
    reason: 'always creates in the own organisation (auth/api-keys.e2e-spec)',
  },

  'GET /api/v1/users': {
    kind: 'foreign',
    url: (f) => `/api/v1/users?organisation=${f.organisationId}`,
  },
  'POST /api/v1/users': {
    kind: 'foreign',
    url: () => '/api/v1/users',
    body: (f) => ({
      email: 'indringer@example.nl',
      name: 'Indringer',
      roles: ['OFFICER'],
      password: 'long-enough-password',
      organisationId: f.organisationId,
    }),
  },
  'GET /api/v1/users/:id': { kind: 'foreign', url: (f) => `/api/v1/users/${f.userId}` },
  'PATCH /api/v1/users/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/users/${f.userId}`,
    body: () => ({ name: 'Overgenomen' }),
  },
  'GET /api/v1/api-keys': {
    kind: 'list',
    url: '/api/v1/api-keys',
    foreignIds: (f) => [f.apiKeyId],
  },
  'DELETE /api/v1/api-keys/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/api-keys/${f.apiKeyId}`,
  },
  'GET /api/v1/organisations': {
    kind: 'list',
    url: '/api/v1/organisations?limit=500',
    foreignIds: (f) => [f.organisationId],
  },
  'GET /api/v1/organisations/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/organisations/${f.organisationId}`,
  },
  'GET /api/v1/audit-events': {
    kind: 'foreign',
    url: (f) => `/api/v1/audit-events?organisation=${f.organisationId}`,
  },
};
