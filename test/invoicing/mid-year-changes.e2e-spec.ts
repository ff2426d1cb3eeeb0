import { contractId, count, endParticipation, sensoorIds } from '../support/demo';
import { outcome } from '../support/http';
import { contractFor2025, Doc, Run, runDocuments, startRun, VAT_21 } from '../support/invoicing';
import { Client, startSignedIn, TestApp, waitForRun } from '../support/test-app';

/**
 * Invoices of 21% VAT contracts that start or change their tariff in the middle of 2025: the
 * pro-rata and VAT arithmetic itself is proven in libs/domain's billing and participant-charge
 * specs; these show it on issued invoices and their credit notes.
 */
describe('participation and tariff changes in the middle of 2025', () => {
  let t: TestApp, vng: Client, sensoor: Client;
  let vng2018: string;
  let supplier: { providerId: string; serviceId: string };
  let proRata: Doc;

  /** Runs the contract's 2025 (one participant: one invoice) and returns that invoice. */
  const issue = async (contract: string) => {
    const started = await startRun(vng, contract, { year: 2025 });
    expect(started.status).toBe(202);
    expect(await waitForRun<Run>(vng, started.body.id)).toMatchObject({ status: 'COMPLETED', documentCount: 1 });
    return (await runDocuments(vng, started.body.id))[0];
  };
  const endInVngSen2018 = (code: string, endDate: string) => endParticipation(vng, vng2018, code, endDate);

  beforeAll(async () => {
    [t, vng, sensoor] = await startSignedIn('vng@demo.nl', 'sensoor@demo.nl');
    vng2018 = await contractId(t, 'VNG-SEN-2018');
    supplier = await sensoorIds(vng);
  }, 120_000);
  afterAll(() => t?.close());

  it('pro rata: Assen joining on 1 July 2025 pays 69,701 x EUR 0.25 x 184/365 = EUR 8,784.24 (878424 cents) + 21% VAT 184469 cents', async () => {
    await endInVngSen2018('GM0106', '2025-06-30');
    const contract = await contractFor2025(
      vng,
      supplier,
      { code: 'GM0106', from: '2025-07-01' },
      { ...VAT_21, tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }] },
    );
    const invoice = (proRata = await issue(contract));
    // 17425.25 x 184 / 365 = 8784.2356... -> 878424 cents; 878424 x 0.21 = 184469.04 -> 184469 cents.
    expect(invoice).toMatchObject({
      municipalityCode: 'GM0106',
      subtotalCents: 878424,
      vatCents: 184469,
      totalCents: 1062893,
      referenceDate: '2024-01-01',
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        inhabitants: 69701,
        days: 184,
        amountCents: 878424,
        calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 184/365 dagen',
      }),
    ]);
  });

  it('the pro-rata invoice credited in two parts (12 cents, then the other 878412) ends CREDITED: VAT rounding leaves no cent that can never be credited', async () => {
    const first = await sensoor
      .post(`/api/v1/invoices/${proRata.id}/credit-notes`)
      .send({ reason: 'Deel 1', lines: [{ lineNumber: 1, amountCents: 12 }] });
    // 12 x 21% = 2.52 -> 3 cents VAT.
    expect(outcome(first)).toMatchObject({ status: 201, body: { subtotalCents: 12, vatCents: 3, totalCents: 15 } });
    const rest = await sensoor
      .post(`/api/v1/invoices/${proRata.id}/credit-notes`)
      .send({ reason: 'Deel 2', lines: [{ lineNumber: 1, amountCents: 878412 }] });
    // What is left: 1062893 - 15 = 1062878 cents, i.e. 878412 + the 184466 cents of VAT not yet credited.
    expect(outcome(rest)).toMatchObject({ status: 201, body: { subtotalCents: 878412, totalCents: 1062878 } });
    expect((await vng.get(`/api/v1/invoices/${proRata.id}`).expect(200)).body).toMatchObject({
      status: 'CREDITED',
      creditedCents: 1062893,
      outstandingCents: 0,
    });
  });

  it('a two-tariff invoice (Almere: 0.25 until June, 0.30 from July) has two lines; its line 1 cannot be credited twice (422 credit-too-large)', async () => {
    await endInVngSen2018('GM0034', '2024-12-31');
    const contract = await contractFor2025(
      vng,
      supplier,
      { code: 'GM0034', from: '2025-01-01' },
      {
        ...VAT_21,
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-06-30' },
          { perInhabitant: '0.3000', validFrom: '2025-07-01' },
        ],
      },
    );
    const invoice = await issue(contract);
    // 226,500 x 0.25 x 181/365 = 28079.79 and 226,500 x 0.30 x 184/365 = 34254.25; VAT 21% of 62334.04 = 13090.1484 -> 13090.15.
    expect(invoice.lines.map((l) => [l.lineNumber, l.days, l.amountCents])).toEqual([
      [1, 181, 2807979],
      [2, 184, 3425425],
    ]);
    expect(invoice).toMatchObject({ subtotalCents: 6233404, vatCents: 1309015, totalCents: 7542419 });
    const credit = () =>
      sensoor
        .post(`/api/v1/invoices/${invoice.id}/credit-notes`)
        .send({ reason: 'Regel 1', lines: [{ lineNumber: 1, amountCents: 2807979 }] });
    expect(outcome(await credit())).toMatchObject({ status: 201, body: { subtotalCents: 2807979 } });
    const creditNotes = () =>
      count(t, `SELECT count(*) AS n FROM invoice_document WHERE credited_document_id = $1`, [invoice.id]);
    const before = await creditNotes();
    expect(outcome(await credit())).toMatchObject({ status: 422, body: { type: '/problems/credit-too-large' } });
    expect(await creditNotes()).toBe(before);
  });
});
