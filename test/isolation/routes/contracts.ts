import type { RouteCases } from '../route-cases';
import type { Role } from '@wmo/tenancy';

/** Providers and their services are visible by design to municipalities and the VNG (who contract them), not to other providers. */
const providerRead = (role: Role) => (role === 'PROVIDER_ADMIN' ? 404 : 200);
const providerWrite = (role: Role) => (role === 'PROVIDER_ADMIN' ? 404 : 403);

/** Duties, providers with their services and statistics, contracts and who takes part in them. */
export const CONTRACT_ROUTES: RouteCases = {
  'GET /api/v1/duties': { kind: 'not-tenant', reason: 'the legal duties: a catalogue' },
  'POST /api/v1/providers': { kind: 'not-tenant', reason: 'OPERATOR only' },
  'GET /api/v1/providers': {
    kind: 'foreign',
    url: () => '/api/v1/providers',
    expect: () => 200,
    mustNotContain: (f) => [f.contractId],
  },
  'GET /api/v1/providers/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}`,
    expect: providerRead,
  },
  'PATCH /api/v1/providers/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}`,
    body: () => ({ city: 'Elders' }),
    expect: providerWrite,
  },
  'GET /api/v1/providers/:id/services': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}/services`,
    expect: providerRead,
  },
  'POST /api/v1/providers/:id/services': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}/services`,
    body: () => ({ name: 'Indringer', dutyCode: 'WMO2015_2_2_4_1B', channels: [{ kind: 'PHONE', schedule: [] }] }),
    expect: providerWrite,
  },
  'GET /api/v1/providers/:id/services/:serviceId': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}/services/${f.serviceId}`,
    expect: providerRead,
  },
  'PATCH /api/v1/providers/:id/services/:serviceId': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}/services/${f.serviceId}?dryRun=true`,
    body: () => ({ channels: [{ kind: 'PHONE', schedule: [] }] }),
    expect: providerWrite,
  },
  'DELETE /api/v1/providers/:id/services/:serviceId/closures/:closureId': {
    kind: 'foreign',
    // Any closure id: the provider's service is checked first, so another provider gets a 404 either way.
    url: (f) =>
      `/api/v1/providers/${f.providerId}/services/${f.serviceId}/closures/00000000-0000-4000-8000-000000000000`,
    expect: providerWrite,
  },
  'POST /api/v1/providers/:id/services/:serviceId/closures': {
    kind: 'foreign',
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
    url: (f) => `/api/v1/providers/${f.providerId}/statistics`,
    expect: providerRead,
  },
  'POST /api/v1/providers/:id/statistics': {
    kind: 'foreign',
    url: (f) => `/api/v1/providers/${f.providerId}/statistics`,
    body: () => ({ year: 2030, channels: [{ kind: 'PHONE', conversations: 1 }] }),
    expect: providerWrite,
  },
  'GET /api/v1/contracts': {
    kind: 'list',
    url: '/api/v1/contracts?limit=500',
    foreignIds: (f) => [f.contractId],
  },
  'POST /api/v1/contracts': {
    kind: 'foreign',
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
  'GET /api/v1/contracts/:id': { kind: 'foreign', url: (f) => `/api/v1/contracts/${f.contractId}` },
  'PATCH /api/v1/contracts/:id': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}`,
    body: () => ({ title: 'Overgenomen' }),
  },
  'POST /api/v1/contracts/:id/activate': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/activate`,
  },
  'POST /api/v1/contracts/:id/terminate': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/terminate`,
    body: () => ({ terminationDate: '2030-01-01', reason: 'opgezegd' }),
  },
  'GET /api/v1/contracts/:id/amendments': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/amendments`,
  },
  'POST /api/v1/contracts/:id/amendments': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/amendments`,
    body: () => ({ effectiveDate: '2030-01-01', reason: 'matrix', perInhabitant: '0.3000' }),
  },
  'GET /api/v1/contracts/:id/tariffs': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/tariffs`,
  },
  'POST /api/v1/contracts/:id/tariffs': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/tariffs`,
    body: () => ({ perInhabitant: '0.3000', validFrom: '2030-01-01' }),
  },
  'GET /api/v1/contracts/:id/participants': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/participants`,
  },
  'POST /api/v1/contracts/:id/participants': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/participants`,
    body: () => ({ code: 'GM0106', from: '2030-01-01' }),
  },
  'DELETE /api/v1/contracts/:id/participants/:code': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/participants/GM0363?endDate=2030-01-01`,
  },
  'POST /api/v1/contracts/:id/participants/roll-over': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/participants/roll-over?year=2019`,
  },
  'GET /api/v1/contracts/:id/exceptions': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/exceptions`,
  },
  'POST /api/v1/contracts/:id/exceptions': {
    kind: 'foreign',
    url: (f) => `/api/v1/contracts/${f.contractId}/exceptions`,
    body: () => ({ code: 'GM0106', kind: 'EXCLUDED', reason: 'matrix' }),
  },
  'GET /api/v1/municipalities/:code/contracts': {
    kind: 'foreign',
    url: () => '/api/v1/municipalities/GM0363/contracts?date=2025-06-01',
    // The VNG sees Amsterdam as a participant of De Kindertelefoon's contract, never Amsterdam's own contract.
    expect: (role) => (role === 'CONTRACT_MANAGER' ? 200 : 404),
    mustNotContain: (f) => [f.contractId],
  },
};
