import type { Response } from 'supertest';
import { count } from './demo';
import { outcome, PROBLEM } from './http';
import { sql } from './test-database';
import type { Client, TestApp } from './test-app';

/** The demo figures of Stichting Sensoor, as the seeds state them (DOMAIN.md, service statistics). */
export const TOTALS_2016 = {
  year: 2016,
  channels: [
    { kind: 'PHONE', conversations: 233_866, answered: null },
    { kind: 'CHAT', conversations: 18_713, answered: null },
    { kind: 'EMAIL', conversations: 1_198, answered: null },
  ],
  totalConversations: 253_777,
};
export const TOTALS_2013 = {
  year: 2013,
  channels: [
    { kind: 'PHONE', conversations: 240_000, answered: null },
    { kind: 'CHAT', conversations: 13_000, answered: null },
    { kind: 'EMAIL', conversations: 3_250, answered: 3_250 },
  ],
  totalConversations: 256_250,
};

export const record = (client: Client, providerId: string, body: object) =>
  client.post(`/api/v1/providers/${providerId}/statistics`).send(body);

export async function providerId(t: TestApp, legalName: string): Promise<string> {
  const [provider] = await sql<{ id: string }>(
    t.databaseUrl,
    `SELECT organisation_id AS id FROM provider WHERE legal_name = $1`,
    [legalName],
  );
  return provider.id;
}

/** A refused request: the status, a problem document, and not a row written (figures nor audit). */
export async function expectRefused(
  t: TestApp,
  request: () => Promise<Response>,
  status: number,
  problem: object = {},
): Promise<Response> {
  const rows = () =>
    Promise.all([
      count(t, `SELECT count(*) AS n FROM service_statistic`),
      count(t, `SELECT count(*) AS n FROM audit_event WHERE entity_type = 'service-statistic'`),
    ]);
  const before = await rows();
  const res = await request();
  expect(outcome(res)).toMatchObject({ status, body: { status, ...problem } });
  expect(res.headers['content-type']).toContain(PROBLEM);
  expect(await rows()).toEqual(before);
  return res;
}
