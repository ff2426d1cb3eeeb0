import { Client, startSignedIn, TestApp } from '../support/test-app';

const BILLING_FIELDS = ['kvkNumber', 'vatId', 'iban', 'street', 'postalCode', 'city', 'countryCode', 'email'];

/** A provider's IBAN, KvK number and address are for the operator and the provider itself only. */
describe("providers' billing details", () => {
  let t: TestApp;
  let officer: Client;
  let finance: Client;
  let vng: Client;
  let sensoor: Client;
  let operator: Client;
  let sensoorId: string;
  let iban: string;

  beforeAll(async () => {
    [t, officer, finance, vng, sensoor, operator] = await startSignedIn(
      'officer.gm0106@demo.nl',
      'finance.gm0106@demo.nl',
      'vng@demo.nl',
      'sensoor@demo.nl',
      'operator@demo.nl',
    );
    const all = (await operator.get('/api/v1/providers').expect(200)).body as Array<{
      id: string;
      legalName: string;
      iban: string;
    }>;
    const own = all.find((provider) => provider.legalName === 'Stichting Sensoor')!;
    sensoorId = own.id;
    iban = own.iban;
  });
  afterAll(() => t.close());

  it.each([
    ['the officer of Assen', () => officer],
    ['the finance staff of Assen', () => finance],
    ['the VNG', () => vng],
  ])('%s sees every provider without KvK number, VAT id, IBAN, address or e-mail', async (_who, client) => {
    const list = await client().get('/api/v1/providers').expect(200);
    expect(list.body.length).toBeGreaterThan(1);
    for (const provider of list.body as Array<Record<string, unknown>>) {
      expect(Object.keys(provider).sort()).toEqual(['id', 'invoicePrefix', 'legalName']);
    }
    const one = await client().get(`/api/v1/providers/${sensoorId}`).expect(200);
    expect(one.body).toEqual({ id: sensoorId, legalName: 'Stichting Sensoor', invoicePrefix: expect.any(String) });
    expect(JSON.stringify([list.body, one.body])).not.toContain(iban);
  });

  it('Stichting Sensoor sees its own details, and not those of the other providers', async () => {
    const one = await sensoor.get(`/api/v1/providers/${sensoorId}`).expect(200);
    expect(one.body).toMatchObject({ iban, kvkNumber: expect.stringMatching(/^\d{8}$/), street: expect.any(String) });
    const list = (await sensoor.get('/api/v1/providers').expect(200)).body as Array<Record<string, unknown>>;
    for (const provider of list)
      expect(BILLING_FIELDS.some((field) => field in provider)).toBe(provider.id === sensoorId);
  });

  it('an IBAN with a mistyped digit is refused at the field (its check digits do not add up); nothing changes', async () => {
    const res = await sensoor.patch(`/api/v1/providers/${sensoorId}`).send({ iban: 'NL91ABNA0417164301' }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([
      { field: 'iban', message: 'iban has check digits that do not add up: a digit is mistyped' },
    ]);
    expect((await sensoor.get(`/api/v1/providers/${sensoorId}`).expect(200)).body.iban).toBe(iban);
  });

  it('the operator sees every provider with its details', async () => {
    const list = (await operator.get('/api/v1/providers').expect(200)).body as Array<Record<string, unknown>>;
    for (const provider of list) expect(provider).toMatchObject({ iban: expect.any(String), city: expect.any(String) });
  });
});
