import { contractId } from '../support/demo';
import { demoBillingDetailsOnly } from '../support/invoicing';
import { outcome } from '../support/http';
import { Client, startSignedIn, TestApp } from '../support/test-app';

const HEADER = 'code,oin,kvkNumber,street,postalCode,city,invoiceEmail';

describe('readiness before a run: who lacks an address (no lawful invoice) or an OIN/KvK (no e-invoice)', () => {
  let t: TestApp;
  let vng: Client;
  let sensoor: Client;
  let officer: Client;
  let vng2018: string;
  const readiness = (client: Client, contract: string, year: number) =>
    client.get(`/api/v1/contracts/${contract}/invoice-runs/readiness?year=${year}`);

  beforeAll(async () => {
    [t, vng, sensoor, officer] = await startSignedIn('vng@demo.nl', 'sensoor@demo.nl', 'officer.gm0106@demo.nl');
    vng2018 = await contractId(t, 'VNG-SEN-2018');
    await demoBillingDetailsOnly(t);
  });
  afterAll(() => t.close());

  it('in the demo only the town hall of Assen gives an address among the 338 participants of 2025, and nobody an OIN', async () => {
    const res = await readiness(vng, vng2018, 2025);
    expect(outcome(res)).toMatchObject({
      status: 200,
      body: {
        contractId: vng2018,
        year: 2025,
        documentType: 'INVOICE',
        referenceDate: '2024-01-01',
        populationLoaded: true,
        customers: 338,
        ready: 1,
        eInvoiceReady: 0,
      },
    });
    expect(res.body.items).toHaveLength(338);
    const item = (code: string) =>
      res.body.items.find((i: { municipalityCode: string }) => i.municipalityCode === code);
    expect(item('GM0106')).toEqual({ municipalityCode: 'GM0106', name: 'Gemeente Assen', missing: ['oinOrKvkNumber'] });
    expect(item('GM0014')).toEqual({
      municipalityCode: 'GM0014',
      name: 'Gemeente Groningen',
      missing: ['invoiceAddress', 'oinOrKvkNumber'],
    });
  });

  it('after a bulk import: Assen is ready for an e-invoice, Groningen for a lawful invoice only', async () => {
    await vng
      .post('/api/v1/billing-details/imports?dryRun=false')
      .set('Content-Type', 'text/csv')
      .send(
        `${HEADER}\nGM0106,00000001001589623000,01176040,Noordersingel 33,9401 JW,Assen,\nGM0014,,,Kreupelstraat 1,9712 HW,Groningen,\n`,
      )
      .expect(201);
    const res = await readiness(sensoor, vng2018, 2025);
    expect(outcome(res)).toMatchObject({ status: 200, body: { customers: 338, ready: 2, eInvoiceReady: 1 } });
    const items = res.body.items as Array<{ municipalityCode: string; missing: string[] }>;
    expect(items.find((i) => i.municipalityCode === 'GM0106')).toBeUndefined();
    expect(items.find((i) => i.municipalityCode === 'GM0014')?.missing).toEqual(['oinOrKvkNumber']);
  });

  it('for 2026 it says the CBS figures of 1 January 2025 are not loaded yet', async () => {
    expect(outcome(await readiness(vng, vng2018, 2026))).toMatchObject({
      status: 200,
      body: { referenceDate: '2025-01-01', populationLoaded: false },
    });
  });

  it('allocation statements (fund withholding) are no invoices and lack nothing', async () => {
    const res = await readiness(vng, await contractId(t, 'VNG-SEN-2015'), 2016);
    expect(outcome(res)).toMatchObject({ status: 200, body: { documentType: 'ALLOCATION_STATEMENT', items: [] } });
    expect(res.body.ready).toBe(res.body.customers);
  });

  it("an officer may not ask (403); a year outside the contract's term is refused", async () => {
    expect((await readiness(officer, vng2018, 2025)).status).toBe(403);
    expect((await readiness(vng, vng2018, 2016)).status).toBe(409);
  });
});
