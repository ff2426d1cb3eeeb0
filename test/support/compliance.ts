import type { Response } from 'supertest';
import { WMO } from './demo';
import { outcome } from './http';
import type { Client } from './test-app';

export const WEEK = [1, 2, 3, 4, 5, 6, 7];
export const ALWAYS = WEEK.map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
export const daily = (from: string, to: string) => WEEK.map((weekday) => ({ weekday, from, to }));

export interface Coverage {
  from: string;
  to: string | null;
  contract: {
    id: string;
    reference: string;
    kind: string;
    fundingModel: string;
    providerId: string;
    providerName: string;
  };
  services: Array<{
    id: string;
    name: string;
    channels: Array<{
      kind: string;
      counts: boolean;
      schedule: unknown[];
      closures: Array<{ start: string; end: string; reason: string }>;
    }>;
  }>;
}
export interface DutyObligation {
  duty: { code: string };
  period: { from: string; to: string };
  status: string;
  explanation: string;
  coveredUntil: string | null;
  uncoveredFrom: string | null;
  coverage: Coverage[];
  fundingModels: string[];
  cost: {
    year: number;
    amountCents: number | null;
    vatCents: number | null;
    totalCents: number | null;
    lines: Array<Record<string, unknown>>;
    note: string | null;
  };
  gaps: {
    days: Array<{ from: string; to: string; days: number }>;
    weekly: Array<{ weekday: number; from: string; to: string; minutes: number; validFrom: string; validTo: string }>;
    dated: Array<{ start: string; end: string; minutes: number; reasons: string[] }>;
  };
}
export interface Obligations {
  municipality: { code: string; name: string };
  period: { from: string; to: string };
  asOf: string;
  status: string;
  duties: DutyObligation[];
}
export interface OverviewRow {
  code: string;
  name: string;
  provinceCode: string;
  status: string;
  contracts: string[];
  providers: string[];
  fundingModels: string[];
  inhabitants: number | null;
  costCents: number | null;
  coveredUntil: string | null;
  gapDays: number;
  weeklyGapMinutes: number;
  datedGaps: number;
}
export interface Overview {
  year: number;
  duty: { code: string };
  asOf: string;
  counts: { COMPLIANT: number; AT_RISK: number; NON_COMPLIANT: number; total: number };
  rows: OverviewRow[];
}

/** GET that must answer 200; the body typed. */
async function ok<T>(client: Client, url: string): Promise<T> {
  const res = await client.get(url);
  expect({ url, ...outcome(res) }).toMatchObject({ url, status: 200 });
  return res.body as T;
}
export const obligations = (client: Client, code: string, query: string) =>
  ok<Obligations>(client, `/api/v1/municipalities/${code}/obligations?${query}`);
/** The Wmo duty's judgement alone. */
export const wmo = async (client: Client, code: string, query: string) => {
  const body = await obligations(client, code, `${query}&duty=${WMO}`);
  expect(body.duties).toHaveLength(1);
  return body.duties[0];
};
export const overview = (client: Client, query: string) => ok<Overview>(client, `/api/v1/compliance/overview?${query}`);
export const row = (o: Overview, code: string) => {
  const found = o.rows.find((r) => r.code === code);
  if (!found) throw new Error(`no overview row ${code}`);
  return found;
};
export const references = (duty: DutyObligation) => [...new Set(duty.coverage.map((c) => c.contract.reference))];

/** A problem document (RFC 9457) with this status and type, and the media type exactly. */
export const expectProblem = (res: Response, status: number, type?: string) => {
  expect(outcome(res)).toMatchObject({ status, body: { status, ...(type ? { type } : {}) } });
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.body).toEqual(
    expect.objectContaining({ type: expect.any(String), title: expect.any(String), detail: expect.any(String) }),
  );
};

/** A GET that is refused with this problem. */
export const expectGetRefused = async (client: Client, url: string, status: number, type: string) =>
  expectProblem(await client.get(url), status, type);
