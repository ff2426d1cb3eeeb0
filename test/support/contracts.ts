import { count, KT, providerService, sensoorIds, WMO } from './demo';
import { outcome } from './http';
import type { Client, TestApp } from './test-app';

/** Terms without VAT, for contracts whose amounts do not matter to the case. */
export const EXEMPT = { vatCategory: 'E', vatExemptionReason: 'Vrijgesteld van btw (test)' };

export interface Suppliers {
  sensoor: { providerId: string; serviceId: string };
  kindertelefoon: { providerId: string; serviceId: string };
}

/** The demo's two national suppliers and their services: Stichting Sensoor (Wmo) and De Kindertelefoon. */
export async function suppliers(client: Client): Promise<Suppliers> {
  return {
    sensoor: await sensoorIds(client),
    kindertelefoon: await providerService(client, 'De Kindertelefoon', KT),
  };
}

/**
 * POST /api/v1/contracts as the client: a COLLECTIVE Wmo contract from 2025-01-01, invoiced directly,
 * with the case's own fields (title, supplier, terms, VAT...) over that.
 */
export const postContract = (client: Client, fields: Record<string, unknown>) =>
  client.post('/api/v1/contracts').send({
    kind: 'COLLECTIVE',
    dutyCode: WMO,
    startDate: '2025-01-01',
    fundingModel: 'DIRECT_INVOICE',
    ...fields,
  });

/** A draft collective Wmo contract of the VNG with Sensoor for 2025, without tariffs unless given. */
export async function collectiveDraft(
  client: Client,
  sensoor: Suppliers['sensoor'],
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; reference: string }> {
  const res = await postContract(client, {
    title: 'Testcontract luisterend oor',
    supplierId: sensoor.providerId,
    serviceIds: [sensoor.serviceId],
    endDate: '2025-12-31',
    fundingModel: 'CENTRAL_INVOICE',
    ...EXEMPT,
    ...overrides,
  });
  expect(outcome(res)).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
  return res.body as { id: string; reference: string };
}

/** Row counts, to show that a refused request wrote nothing. */
export const contractCount = (t: TestApp) => count(t, `SELECT count(*) AS n FROM contract`);
export const participantCount = (t: TestApp, id: string) =>
  count(t, `SELECT count(*) AS n FROM participation WHERE contract_id = $1`, [id]);
export const tariffCount = (t: TestApp, id: string) =>
  count(t, `SELECT count(*) AS n FROM tariff WHERE contract_id = $1`, [id]);
