import { sql } from './test-database';
import type { Client, TestApp } from './test-app';

/** The two duties of the demo: the Wmo listening ear and De Kindertelefoon. */
export const WMO = 'WMO2015_2_2_4_1B';
export const KT = 'JEUGDWET_KINDERTELEFOON';
/** Utrecht, Amsterdam, The Hague and Rotterdam: excepted from the collective contracts, each with its own. */
export const G4 = ['GM0344', 'GM0363', 'GM0518', 'GM0599'];

/** The day documents are issued: today in Europe/Amsterdam, computed here and never hard-coded. */
export const TODAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
export const YEAR = Number(TODAY.slice(0, 4));
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `SELECT count(*) AS n ...` as the database owner (past row-level security), as a number. */
export async function count(t: TestApp, query: string, params: unknown[] = []): Promise<number> {
  return Number((await sql<{ n: string }>(t.databaseUrl, query, params))[0].n);
}

export async function contractId(t: TestApp, reference: string): Promise<string> {
  return (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM contract WHERE reference = $1`, [reference]))[0].id;
}

/** The organisation of a municipality, by its code. */
export async function municipalityOrganisationId(t: TestApp, code: string): Promise<string> {
  return (
    await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM organisation WHERE municipality_code = $1`, [code])
  )[0].id;
}

/** A provider's organisation id and its service for `dutyCode`, as any caller who may see providers reads them. */
export async function providerService(
  client: Client,
  legalName: string,
  dutyCode: string,
): Promise<{ providerId: string; serviceId: string }> {
  const providers = (await client.get('/api/v1/providers').expect(200)).body as Array<{
    id: string;
    legalName: string;
  }>;
  const providerId = providers.find((p) => p.legalName === legalName)!.id;
  const services = (await client.get(`/api/v1/providers/${providerId}/services`).expect(200)).body as Array<{
    id: string;
    dutyCode: string;
  }>;
  return { providerId, serviceId: services.find((s) => s.dutyCode === dutyCode)!.id };
}

/** Stichting Sensoor and its Wmo service: the supplier of the collective contracts. */
export const sensoorIds = (client: Client) => providerService(client, 'Stichting Sensoor', WMO);

/** Signs in every e-mail (demo password) at once. */
export const signIn = (t: TestApp, ...emails: string[]): Promise<Client[]> =>
  Promise.all(emails.map((email) => t.as(email)));

/** The operator adds a user to an organisation; returns a client signed in as that user. */
export async function addUser(
  t: TestApp,
  operator: Client,
  user: { email: string; name: string; roles: string[]; organisationId: string; password: string },
): Promise<Client> {
  await operator.post('/api/v1/users').send(user).expect(201);
  return t.as(user.email, user.password);
}

/** Ends a municipality's participation in a contract on `endDate` (a DELETE that answers 200 with the new end). */
export async function endParticipation(client: Client, contract: string, code: string, endDate: string) {
  const res = await client.delete(`/api/v1/contracts/${contract}/participants/${code}?endDate=${endDate}`);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { code, to: endDate } });
}
