import { randomUUID } from 'node:crypto';
import { contractId, endParticipation, sensoorIds, WMO } from '../support/demo';
import { outcome } from '../support/http';
import { Doc, Run, startRun, VAT_EXEMPT } from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, listenOnce, startSignedIn, TestApp, waitForRun } from '../support/test-app';

/**
 * A central invoice (CENTRAL_INVOICE) follows the facts too: one invoice to the VNG with a line per
 * municipality; after the run one municipality ends early and another's CBS figure is corrected.
 * The correction run issues one credit note by line on the central invoice and one supplementary
 * invoice to the VNG with a line for the other municipality.
 */
describe('correction runs on a central invoice', () => {
  let t: TestApp, vng: Client;
  let contract: string;
  let central: Doc;
  const differences = () => vng.get(`/api/v1/contracts/${contract}/billing-differences?year=2025`).expect(200);

  beforeAll(async () => {
    [t, vng] = await startSignedIn('vng@demo.nl');
    await listenOnce(t);
    // Schiermonnikoog and Terschelling leave the national contract and are billed centrally (a test contract).
    const vng2018 = await contractId(t, 'VNG-SEN-2018');
    for (const code of ['GM0088', 'GM0093']) await endParticipation(vng, vng2018, code, '2024-12-31');
    const supplier = await sensoorIds(vng);
    const created = await vng.post('/api/v1/contracts').send({
      kind: 'COLLECTIVE',
      dutyCode: WMO,
      title: 'Centrale factuur (test)',
      supplierId: supplier.providerId,
      serviceIds: [supplier.serviceId],
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      fundingModel: 'CENTRAL_INVOICE',
      ...VAT_EXEMPT,
      tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }],
    });
    expect(created.status).toBe(201);
    contract = created.body.id;
    for (const code of ['GM0088', 'GM0093'])
      await vng.post(`/api/v1/contracts/${contract}/participants`).send({ code, from: '2025-01-01' }).expect(201);
    await vng.post(`/api/v1/contracts/${contract}/activate`).expect(201);
    const run = await waitForRun<Run>(vng, (await startRun(vng, contract, { year: 2025 })).body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 1 });
    [central] = (await vng.get(`/api/v1/invoices?run=${run.id}`).expect(200)).body.items;
  }, 120_000);
  afterAll(() => t?.close());

  it('the run issued one invoice to the VNG: Schiermonnikoog EUR 243.00 and Terschelling EUR 1,224.50 (CBS, 1 January 2024)', () => {
    expect(central).toMatchObject({ municipalityCode: null, customerName: 'Vereniging van Nederlandse Gemeenten' });
    expect(central.lines.map((l) => [l.municipalityCode, l.amountCents])).toEqual([
      ['GM0088', 24300],
      ['GM0093', 122450],
    ]);
  });

  it('after the changes the dry run says one credit note and one supplementary invoice', async () => {
    const ended = await vng.delete(`/api/v1/contracts/${contract}/participants/GM0088?endDate=2025-06-30`);
    // 972 inhabitants x EUR 0.25 x 181/365 days = EUR 120.50 due of EUR 243.00 billed.
    expect(ended.body.billingImpact).toMatchObject({
      differenceCents: -12250,
      documents: [{ id: central.id, number: central.number }],
    });
    // MADE-UP TEST DATA: a corrected CBS figure for Terschelling on 1 January 2024 (4,898 + 102).
    const operator = await t.as('operator@demo.nl');
    await operator
      .post('/api/v1/reference-data/population-imports')
      .set('Content-Type', 'text/csv')
      .send('code,year,population\nGM0093,2024,5000\n')
      .expect(201);
    expect((await differences()).body.totals).toMatchObject({ differenceCents: -12250 + 2550, municipalities: 2 });
    const dry = await vng.post(`/api/v1/contracts/${contract}/correction-runs?dryRun=true`).send({ year: 2025 });
    expect(outcome(dry)).toMatchObject({
      status: 200,
      body: { creditNotes: 1, supplementaryInvoices: 1, creditCents: 12250, supplementCents: 2550 },
    });
  });

  it('the correction run credits the central invoice by line and adds one invoice to the VNG; nothing is left', async () => {
    const started = await vng
      .post(`/api/v1/contracts/${contract}/correction-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 });
    expect(started.status).toBe(202);
    const run = await waitForRun<Run>(vng, started.body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', kind: 'CORRECTION', documentCount: 2, totalCents: -12250 + 2550 });
    const docs = (await vng.get(`/api/v1/invoices?run=${run.id}`).expect(200)).body.items as Doc[];
    const credit = docs.find((d) => d.type === 'CREDIT_NOTE')!;
    expect(credit).toMatchObject({ totalCents: 12250, credits: { id: central.id }, municipalityCode: null });
    expect(credit.lines).toEqual([expect.objectContaining({ municipalityCode: 'GM0088', amountCents: 12250 })]);
    const supplement = docs.find((d) => d.type === 'INVOICE')!;
    expect(supplement).toMatchObject({
      totalCents: 2550,
      municipalityCode: null,
      customerName: 'Vereniging van Nederlandse Gemeenten',
    });
    expect(supplement.lines).toEqual([
      expect.objectContaining({
        municipalityCode: 'GM0093',
        amountCents: 2550,
        description: expect.stringContaining(`Aanvulling op ${central.number}`),
      }),
    ]);
    expect((await differences()).body.totals).toMatchObject({ differenceCents: 0, municipalities: 0 });
    expect((await vng.get(`/api/v1/invoices/${central.id}`).expect(200)).body).toMatchObject({
      creditedCents: 12250,
      outstandingCents: 122450 - 12250 + 24300,
    });
  });

  it('a correction run for a draft contract is refused and writes nothing', async () => {
    const supplier = await sensoorIds(vng);
    const draft = await vng
      .post('/api/v1/contracts')
      .send({
        kind: 'COLLECTIVE',
        dutyCode: WMO,
        title: 'Concept (test)',
        supplierId: supplier.providerId,
        serviceIds: [supplier.serviceId],
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        fundingModel: 'DIRECT_INVOICE',
        ...VAT_EXEMPT,
      })
      .expect(201);
    const res = await vng
      .post(`/api/v1/contracts/${draft.body.id}/correction-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM invoice_run WHERE contract_id = $1`, [draft.body.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('a correction run on a fund-withholding contract is a 409 that explains why', async () => {
    const res = await vng
      .post(`/api/v1/contracts/${await contractId(t, 'VNG-SEN-2015')}/correction-runs?dryRun=true`)
      .send({ year: 2016 });
    expect(outcome(res)).toMatchObject({
      status: 409,
      body: { detail: expect.stringContaining('settled through the fund') },
    });
  });
});
