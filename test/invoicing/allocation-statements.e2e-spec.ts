import { contractId, TODAY, YEAR } from '../support/demo';
import { binary, outcome } from '../support/http';
import { Doc, expectListTotals, Run, runDocuments, seq, startRun } from '../support/invoicing';
import { pdfText } from '../support/pdf-text';
import { sql } from '../support/test-database';
import { Client, listenOnce, startSignedIn, TestApp, waitForRun } from '../support/test-app';

/** Fund withholding (uitname): a run issues allocation statements, which are no invoices. */
describe('the 2016 run of VNG-SEN-2015 (FUND_WITHHOLDING): allocation statements', () => {
  let t: TestApp, vng: Client, sensoor: Client;
  let run: Run;
  let statements: Doc[];
  const pdfOf = async (id: string) => {
    const res = await vng.get(`/api/v1/invoices/${id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    [t, vng, sensoor] = await startSignedIn('vng@demo.nl', 'sensoor@demo.nl');
    await listenOnce(t);
    const started = await startRun(vng, await contractId(t, 'VNG-SEN-2015'), { year: 2016 });
    expect(started.status).toBe(202);
    run = await waitForRun<Run>(vng, started.body.id);
    statements = await runDocuments(vng, run.id);
  }, 120_000);
  afterAll(() => t?.close());

  it('issues 386 ALLOCATION_STATEMENT documents (390 municipalities of 2016 minus the G4) and no INVOICE, on the figures of 2015-01-01', async () => {
    expect(run).toMatchObject({ status: 'COMPLETED', referenceDate: '2015-01-01', documentCount: 386, gaps: [] });
    expect(statements).toHaveLength(386);
    expect(new Set(statements.map((d) => d.type))).toEqual(new Set(['ALLOCATION_STATEMENT']));
    expect(new Set(statements.map((d) => d.referenceDate))).toEqual(new Set(['2015-01-01']));
    expect((await vng.get(`/api/v1/invoices?run=${run.id}&type=INVOICE`).expect(200)).body.total).toBe(0);
    const [{ inhabitants }] = await sql<{ inhabitants: number }>(
      t.databaseUrl,
      `SELECT inhabitants FROM population_figure WHERE municipality_code = 'GM0106' AND reference_date = '2015-01-01'`,
    );
    expect(statements.find((d) => d.municipalityCode === 'GM0106')).toMatchObject({
      totalCents: inhabitants * 25,
      // Not paid: settled through the municipal fund, and nothing falls due.
      status: 'SETTLED_VIA_FUND',
      dueDate: null,
      outstandingCents: 0,
      issuerName: 'Vereniging van Nederlandse Gemeenten',
      supplierName: 'Stichting Sensoor',
      lines: [expect.objectContaining({ inhabitants })],
    });
    expect(run.totalCents).toBe(statements.reduce((sum, d) => sum + d.totalCents, 0));
  });

  it(`the VNG issues them in its own series: VNG-AS-${YEAR}-000001 to 000386, apart from Sensoor's invoice numbers`, () => {
    expect(statements.map((d) => d.number).sort()).toEqual(
      Array.from({ length: 386 }, (_, i) => `VNG-AS-${YEAR}-${seq(i + 1)}`),
    );
  });

  it('the list finds them by their own status, and no invoice has it', async () => {
    const settled = await vng.get('/api/v1/invoices?status=SETTLED_VIA_FUND&limit=1').expect(200);
    expect(settled.body.total).toBe(386);
    expect(settled.body.items[0].type).toBe('ALLOCATION_STATEMENT');
    expect((await vng.get('/api/v1/invoices?status=PAID&type=ALLOCATION_STATEMENT').expect(200)).body.total).toBe(0);
  });

  it('an allocation statement takes no payment (422 payment-refused)', async () => {
    const [statement] = (await vng.get('/api/v1/invoices?type=ALLOCATION_STATEMENT&limit=1').expect(200)).body.items;
    const payment = await sensoor
      .post(`/api/v1/invoices/${statement.id}/payments`)
      .send({ amountCents: 100, date: TODAY, reference: 'Bankafschrift 100' });
    expect(outcome(payment)).toMatchObject({ status: 422, body: { type: '/problems/payment-refused' } });
  });

  it('an allocation statement has no e-invoice (422 e-invoice-incomplete, missing: not-an-invoice)', async () => {
    const [statement] = (await vng.get('/api/v1/invoices?type=ALLOCATION_STATEMENT&limit=1').expect(200)).body.items;
    expect(outcome(await vng.get(`/api/v1/invoices/${statement.id}/ubl`))).toMatchObject({
      status: 422,
      body: { type: '/problems/e-invoice-incomplete', missing: ['not-an-invoice'] },
    });
  });

  it('an allocation statement says what it is: issued by the VNG, no invoice, no due date, IBAN or VAT', async () => {
    const [statement] = (await vng.get('/api/v1/invoices?type=ALLOCATION_STATEMENT&municipality=GM0106').expect(200))
      .body.items;
    const text = await pdfOf(statement.id);
    expect(text).toContain('Toerekening uitname gemeentefonds');
    // The demo's VNG has its published office address.
    expect(text).toContain('Vereniging van Nederlandse Gemeenten Nassaulaan 12 2514 JS Den Haag');
    expect(text).toContain('Aanbieder Stichting Sensoor');
    expect(text).toContain(
      'Dit is geen factuur: er hoeft niets betaald te worden. Het bedrag wordt verrekend via het gemeentefonds: het is ingehouden op de uitkering (uitname), en Vereniging van Nederlandse Gemeenten betaalt daaruit Stichting Sensoor.',
    );
    for (const absent of ['Factuurdatum', 'Vervaldatum', 'IBAN', 'Btw', 'Subtotaal', 'te betalen'])
      expect(text).not.toContain(absent);
    expect(text).toContain('Totaal toegerekend');
  });

  it('a document of another duty names that duty and its legal basis (Kindertelefoon: Jeugdwet), on its lines and in the PDF footer', async () => {
    const started = await startRun(vng, await contractId(t, 'VNG-KT-2015'), {
      periodStart: '2025-01-01',
      periodEnd: '2025-01-31',
    });
    expect(started.status).toBe(202);
    expect(await waitForRun<Run>(vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
    const [statement] = (await vng.get(`/api/v1/invoices?run=${started.body.id}&municipality=GM0106`).expect(200)).body
      .items;
    expect(statement.lines[0].description).toBe(
      'Kindertelefoon (Jeugdwet (landelijke voorziening De Kindertelefoon)) 01-01-2025 t/m 31-01-2025: Assen (GM0106)',
    );
    const text = await pdfOf(statement.id);
    expect(text).toContain('Wettelijke grondslag: Jeugdwet (landelijke voorziening De Kindertelefoon)');
    expect(text).not.toContain('Wmo 2015');
  });

  it('the list of allocation statements carries their total over all pages', async () => {
    await expectListTotals(vng, 'type=ALLOCATION_STATEMENT');
  });
});
