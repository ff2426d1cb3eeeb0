import type { Response } from 'supertest';
import type { ObligationsDto, OverviewDto } from '@wmo/compliance';
import { WMO } from './demo';
import { outcome } from './http';
import type { Client } from './test-app';

export const WEEK = [1, 2, 3, 4, 5, 6, 7];
export const ALWAYS = WEEK.map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
export const daily = (from: string, to: string) => WEEK.map((weekday) => ({ weekday, from, to }));

// The answers as the API documents them.
export type Obligations = ObligationsDto;
export type DutyObligation = ObligationsDto['duties'][number];
export type Coverage = DutyObligation['coverage'][number];
export type Overview = OverviewDto;
export type OverviewRow = OverviewDto['items'][number];

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
/** The overview; every row on one page unless the query asks for a limit. */
export const overview = (client: Client, query: string) =>
  ok<Overview>(client, `/api/v1/compliance/overview?${/(^|&)limit=/.test(query) ? query : `${query}&limit=500`}`);
export const row = (o: Overview, code: string) => {
  const found = o.items.find((r) => r.code === code);
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
