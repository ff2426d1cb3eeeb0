import { Client as PgClient } from 'pg';
import { addDays, count, G4, TODAY, YEAR } from '../support/demo';
import { binary, expectInvalidField, outcome, PROBLEM } from '../support/http';
import {
  AnnualRun,
  ASSEN_PO,
  assenBillingDetails,
  Doc,
  Run,
  SENSOOR_IBAN,
  seq,
  startRun,
  startWithAnnualRun,
} from '../support/invoicing';
import { pdfText } from '../support/pdf-text';
import { sql } from '../support/test-database';
import { Client, waitForRun } from '../support/test-app';

/**
 * One 2025 run of 338 invoices serves four stories: what it issues, the billing details it quotes,
 * that it is the only run for its period, and its files.
 */
describe('the 2025 run of VNG-SEN-2018 (DIRECT_INVOICE)', () => {
  let a: AnnualRun;
  const runCount = () => count(a.t, `SELECT count(*) AS n FROM invoice_run`);

  beforeAll(async () => {
    a = await startWithAnnualRun();
  }, 120_000);
  afterAll(() => a?.t.close());

  describe('what the run issues', () => {
    it('issues one INVOICE to each of the 338 municipalities of 2025 except the G4', async () => {
      expect(a.run).toMatchObject({
        status: 'COMPLETED',
        referenceDate: '2024-01-01',
        progress: { done: 338, total: 338 },
        documentCount: 338,
        error: null,
      });
      expect(a.docs).toHaveLength(338);
      expect(new Set(a.docs.map((d) => d.type))).toEqual(new Set(['INVOICE']));
      const expected = await sql<{ code: string }>(
        a.t.databaseUrl,
        `SELECT code FROM municipality WHERE (valid_from IS NULL OR valid_from <= '2025-01-01') AND (valid_to IS NULL OR valid_to >= '2025-12-31') AND NOT (code = ANY($1)) ORDER BY code`,
        [G4],
      );
      expect(a.docs.map((d) => d.municipalityCode).sort()).toEqual(expected.map((r) => r.code));
    });

    it('every totalCents is round_half_up(CBS inhabitants on 2024-01-01 x EUR 0.25), checked for all 338 in one join', async () => {
      const rows = await sql<{ code: string; total: string; expected: string | null }>(
        a.t.databaseUrl,
        `SELECT d.municipality_code AS code, d.total_cents AS total, round(p.inhabitants * 0.25 * 100, 0) AS expected
           FROM invoice_document d LEFT JOIN population_figure p ON p.municipality_code = d.municipality_code AND p.reference_date = '2024-01-01'
          WHERE d.run_id = $1`,
        [a.run.id],
      );
      expect(rows).toHaveLength(338);
      expect(rows.filter((r) => r.expected === null || r.total !== r.expected)).toEqual([]);
      expect(a.doc('GM0106')).toMatchObject({
        subtotalCents: 1742525,
        vatCents: 0,
        totalCents: 1742525,
        status: 'OPEN',
        issueDate: TODAY,
        dueDate: addDays(TODAY, 30),
        referenceDate: '2024-01-01',
      });
      expect(a.doc('GM0106').lines).toEqual([
        expect.objectContaining({
          lineNumber: 1,
          inhabitants: 69701,
          days: 365,
          amountCents: 1742525,
          calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500',
        }),
      ]);
    });

    it(`numbers the invoices SEN-${YEAR}-000001 to SEN-${YEAR}-000338 without a gap, and the run total is their sum`, async () => {
      expect(a.docs.map((d) => d.number).sort()).toEqual(
        Array.from({ length: 338 }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`),
      );
      expect(a.run.totalCents).toBe(a.docs.reduce((sum, d) => sum + d.totalCents, 0));
      const [{ sum }] = await sql<{ sum: string }>(
        a.t.databaseUrl,
        `SELECT sum(inhabitants * 25) AS sum FROM population_figure WHERE reference_date = '2024-01-01' AND NOT (municipality_code = ANY($1))`,
        [G4],
      );
      expect(a.run.totalCents).toBe(Number(sum));
    });

    it('lists participants with an address alone as gaps (GM0014 misses oin and more) but not Assen, whose invoice quotes its purchase order', () => {
      expect(a.run.gaps).toHaveLength(337);
      expect(a.run).toMatchObject({ gapCount: 337, startedAt: expect.any(String) });
      expect(a.run.gaps).toContainEqual({
        code: 'GM0014',
        missing: ['oin', 'invoiceEmail', 'purchaseOrderNumber'],
      });
      expect(a.run.gaps.map((g) => g.code)).not.toContain('GM0106');
      expect(a.doc('GM0106').purchaseOrderNumber).toBe(ASSEN_PO);
      expect(a.doc('GM0014').purchaseOrderNumber).toBeNull();
    });
  });

  describe("Assen's billing details, which the run quotes", () => {
    let officerAssen: Client;
    let details: ReturnType<typeof assenBillingDetails>;
    const stored = async () =>
      (await a.financeAssen.get('/api/v1/municipalities/GM0106/billing-details').expect(200)).body as unknown;
    beforeAll(async () => {
      officerAssen = await a.t.as('officer.gm0106@demo.nl');
      details = assenBillingDetails(a.vng2018);
    });

    it("Assen's FINANCE stored OIN, KvK, address, e-mail and the purchase order for VNG-SEN-2018 2025; GET returns them", async () => {
      expect(await stored()).toEqual(details);
    });

    it("a bad OIN ('123') is a 400 naming oin and nothing is stored", async () => {
      const res = await a.financeAssen
        .put('/api/v1/municipalities/GM0106/billing-details')
        .send({ ...details, oin: '123', invoiceEmail: 'nieuw@assen.nl' });
      expectInvalidField(res, 'oin');
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await stored()).toEqual(details);
    });

    it('two purchase orders for the same contract and year are a 400 naming purchaseOrders (not a 500) and nothing is stored', async () => {
      const [{ contractId: vng2018 }] = details.purchaseOrders;
      const twice = [
        { contractId: vng2018, year: 2025, number: 'A-1' },
        { contractId: vng2018, year: 2025, number: 'A-2' },
      ];
      const res = await a.financeAssen
        .put('/api/v1/municipalities/GM0106/billing-details')
        .send({ ...details, purchaseOrders: twice });
      expectInvalidField(res, expect.stringContaining('purchaseOrders'));
      expect(await stored()).toEqual(details);
    });

    it("Assen's OFFICER gets 403; Assen's FINANCE asking for Amsterdam (GM0363) gets 404", async () => {
      expect((await officerAssen.get('/api/v1/municipalities/GM0106/billing-details')).status).toBe(403);
      expect((await officerAssen.put('/api/v1/municipalities/GM0106/billing-details').send(details)).status).toBe(403);
      const other = await a.financeAssen.get('/api/v1/municipalities/GM0363/billing-details');
      expect(outcome(other)).toMatchObject({ status: 404, body: { type: '/problems/municipality-not-found' } });
      expect((await a.financeAssen.put('/api/v1/municipalities/GM0363/billing-details').send(details)).status).toBe(
        404,
      );
    });
  });

  describe('idempotency: one run per contract and period (rule 7)', () => {
    it('the same key with the same body returns the same run with 202', async () => {
      const res = await startRun(a.vng, a.vng2018, { year: 2025 }, 'run-2025');
      expect(outcome(res)).toMatchObject({ status: 202, body: { id: a.run.id, status: 'COMPLETED' } });
    });

    it('the same key with another body (year 2024) is a 422 idempotency-key-reused and starts nothing', async () => {
      const before = await runCount();
      const res = await startRun(a.vng, a.vng2018, { year: 2024 }, 'run-2025');
      expect(outcome(res)).toMatchObject({ status: 422, body: { type: '/problems/idempotency-key-reused' } });
      expect(res.headers['content-type']).toContain(PROBLEM);
      expect(await runCount()).toBe(before);
    });

    it('another key for the same contract and period returns the existing run with 200', async () => {
      const res = await startRun(a.vng, a.vng2018, { year: 2025 }, 'another-key');
      expect(outcome(res)).toMatchObject({ status: 200, body: { id: a.run.id } });
      const bySupplier = await startRun(await a.t.as('sensoor@demo.nl'), a.vng2018, { year: 2025 });
      expect(outcome(bySupplier)).toMatchObject({ status: 200, body: { id: a.run.id } });
    });

    it('that key is now bound to its request, although it was answered with the existing run: again 200, with another body a 422 that starts nothing', async () => {
      expect(outcome(await startRun(a.vng, a.vng2018, { year: 2025 }, 'another-key'))).toMatchObject({
        status: 200,
        body: { id: a.run.id },
      });
      const before = await runCount();
      const other = await startRun(a.vng, a.vng2018, { year: 2024 }, 'another-key');
      expect(outcome(other)).toMatchObject({ status: 422, body: { type: '/problems/idempotency-key-reused' } });
      expect(await runCount()).toBe(before);
    });

    it('20 concurrent requests with 20 keys for 2024 give one run (one 202, nineteen 200) and one document per municipality', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => startRun(a.vng, a.vng2018, { year: 2024 }, `concurrent-2024-${i}`)),
      );
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(responses.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 202]);
      const run = await waitForRun<Run>(a.vng, responses[0].body.id);
      expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 338, referenceDate: '2023-01-01' });
      expect(
        await count(
          a.t,
          `SELECT count(*) AS n FROM invoice_run WHERE contract_id = $1 AND period_start = '2024-01-01'`,
          [a.vng2018],
        ),
      ).toBe(1);
      const perMunicipality = await sql<{ code: string; n: string }>(
        a.t.databaseUrl,
        `SELECT municipality_code AS code, count(*) AS n FROM invoice_document WHERE contract_id = $1 AND period_start = '2024-01-01' GROUP BY 1`,
        [a.vng2018],
      );
      expect(perMunicipality).toHaveLength(338);
      expect(perMunicipality.filter((r) => r.n !== '1')).toEqual([]);
    });

    it('20 concurrent identical requests (same key) for the period 2023-01-01..2023-03-31 all get the one run with 202, and one set of documents billed 90/365', async () => {
      const body = { periodStart: '2023-01-01', periodEnd: '2023-03-31' };
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => startRun(a.vng, a.vng2018, body, 'q1-2023')),
      );
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
      const run = await waitForRun<Run>(a.vng, responses[0].body.id);
      expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 338, referenceDate: '2022-01-01' });
      // Every line: round_half_up(inhabitants x 0.25 x 90/365) cents, one per municipality.
      const lines = await sql<{ code: string; days: number; amount: string; expected: string }>(
        a.t.databaseUrl,
        `SELECT l.municipality_code AS code, l.days, l.amount_cents AS amount, round(l.inhabitants * 0.25 * 90 / 365 * 100, 0) AS expected
           FROM invoice_line l JOIN invoice_document d ON d.id = l.document_id WHERE d.run_id = $1`,
        [run.id],
      );
      expect(lines).toHaveLength(338);
      expect(new Set(lines.map((l) => l.code)).size).toBe(338);
      expect(lines.filter((l) => l.days !== 90 || l.amount !== l.expected)).toEqual([]);
      const [{ inhabitants }] = await sql<{ inhabitants: number }>(
        a.t.databaseUrl,
        `SELECT inhabitants FROM population_figure WHERE municipality_code = 'GM0106' AND reference_date = '2022-01-01'`,
      );
      const assen = (await a.vng.get(`/api/v1/invoices?run=${run.id}&municipality=GM0106`).expect(200)).body.items[0];
      expect(assen.lines[0]).toMatchObject({
        inhabitants,
        days: 90,
        period: { start: '2023-01-01', end: '2023-03-31' },
      });
    });

    it('a period overlapping an earlier run (2025-01-01..2025-03-31 after the 2025 run) is a 409 naming that run, and starts nothing', async () => {
      const before = await runCount();
      const res = await startRun(a.vng, a.vng2018, { periodStart: '2025-01-01', periodEnd: '2025-03-31' }, 'q1-2025');
      expect(outcome(res)).toMatchObject({
        status: 409,
        body: { type: '/problems/period-already-invoiced', runId: a.run.id },
      });
      expect(res.headers['content-type']).toContain(PROBLEM);
      const straddling = await startRun(
        a.vng,
        a.vng2018,
        { periodStart: '2024-12-01', periodEnd: '2025-01-31' },
        'dec-jan',
      );
      expect(outcome(straddling)).toMatchObject({ status: 409, body: { type: '/problems/period-already-invoiced' } });
      expect(await runCount()).toBe(before);
    });

    it(`after three runs the invoice numbers of ${YEAR} are still 1..N without a gap or a duplicate`, async () => {
      const numbers = (
        await sql<{ number: string }>(
          a.t.databaseUrl,
          `SELECT number FROM invoice_document WHERE type = 'INVOICE' AND number LIKE $1 ORDER BY number`,
          [`SEN-${YEAR}-%`],
        )
      ).map((r) => r.number);
      expect(numbers).toHaveLength(3 * 338);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`));
    });
  });

  describe('its files: PDF, CSV export and ZIP', () => {
    let creditNote: Doc;
    const pdfOf = async (id: string) => {
      const res = await a.vng.get(`/api/v1/invoices/${id}/pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return pdfText(res.body as Buffer);
    };
    beforeAll(async () => {
      // Assen's invoice, credited in full: the CSV export shows it CREDITED, and the credit note has a PDF of its own.
      const sensoor = await a.t.as('sensoor@demo.nl');
      const res = await sensoor
        .post(`/api/v1/invoices/${a.doc('GM0106').id}/credit-notes`)
        .send({ reason: 'Dubbel gefactureerd' });
      expect(res.status).toBe(201);
      creditNote = res.body as Doc;
    });

    it("Assen's invoice PDF shows what a Dutch invoice must: number, 69.701 inwoners x EUR 0,2500, peildatum, KvK, Btw, IBAN, due date, purchase order", async () => {
      const invoice = a.doc('GM0106');
      const text = (await pdfOf(invoice.id)).replace(/\s+/g, ' ');
      for (const expected of [
        'Factuur',
        invoice.number,
        '69.701 inwoners',
        'EUR 0,2500',
        'Peildatum',
        'KvK',
        'Btw',
        SENSOOR_IBAN,
        'Vervaldatum',
        ASSEN_PO,
        '17.425,25',
        'Gemeente Assen',
        'Stichting Sensoor',
        'Noordersingel 33',
        'Wettelijke grondslag: art. 2.2.4 lid 1 onder b Wmo 2015',
      ]) {
        expect(text).toContain(expected);
      }
    });

    it('a customer first to ask for a PDF the worker has not stored yet gets it rendered (200), and only the issuer stores it', async () => {
      const invoice = a.doc('GM0106');
      const owner = new PgClient({ connectionString: a.t.databaseUrl });
      await owner.connect();
      try {
        // As if the worker had not got to it yet (document files are immutable: triggers off for this delete).
        await owner.query(`SET session_replication_role = replica`);
        await owner.query(`DELETE FROM document_file WHERE document_id = $1`, [invoice.id]);
      } finally {
        await owner.end();
      }
      const stored = () => count(a.t, `SELECT count(*) AS n FROM document_file WHERE document_id = $1`, [invoice.id]);
      const asCustomer = await a.financeAssen.get(`/api/v1/invoices/${invoice.id}/pdf`).buffer(true).parse(binary);
      expect(asCustomer.status).toBe(200);
      expect((asCustomer.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await stored()).toBe(0);
      const sensoor = await a.t.as('sensoor@demo.nl');
      expect((await sensoor.get(`/api/v1/invoices/${invoice.id}/pdf`).buffer(true).parse(binary)).status).toBe(200);
      expect(await stored()).toBe(1);
    });

    it('the credit note has a PDF of its own kind', async () => {
      const text = (await pdfOf(creditNote.id)).replace(/\s+/g, ' ');
      expect(text).toContain('Creditnota');
      expect(text).toContain(`Crediteert factuur ${a.doc('GM0106').number}`);
    });

    it(`the CSV export of ${YEAR} has a Dutch header and one row per document issued that year, amounts with a decimal comma`, async () => {
      const res = await a.vng.get(`/api/v1/invoices/export.csv?year=${YEAR}`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="facturen-${YEAR}.csv"`);
      const rows = res.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(rows[0]).toBe(
        'Nummer;Soort;Datum;Vervaldatum;Gemeentecode;Klant;Contract;Periode van;Periode tot en met;Peildatum;Bedrag excl. btw;Btw;Totaal incl. btw;Status;Betaald;Gecrediteerd;Openstaand;Inkoopordernummer',
      );
      expect(rows.length - 1).toBe(
        await count(a.t, `SELECT count(*) AS n FROM invoice_document WHERE extract(year FROM issue_date) = $1`, [YEAR]),
      );
      const dutch = (iso: string) => iso.split('-').reverse().join('-');
      const assen = rows.find((r) => r.startsWith(`${a.doc('GM0106').number};`))!;
      expect(assen.split(';')).toEqual([
        a.doc('GM0106').number,
        'Factuur',
        dutch(TODAY),
        dutch(addDays(TODAY, 30)),
        'GM0106',
        'Gemeente Assen',
        'VNG-SEN-2018',
        '01-01-2025',
        '31-12-2025',
        '01-01-2024',
        '17425,25',
        '0,00',
        '17425,25',
        'Gecrediteerd',
        '0,00',
        '17425,25',
        '0,00',
        ASSEN_PO,
      ]);
      expect(
        (await a.vng.get(`/api/v1/invoices/export.csv?year=2019`).expect(200)).text.trimEnd().split('\r\n'),
      ).toHaveLength(1);
    });

    it("the run's documents.zip is application/zip and begins with PK", async () => {
      const res = await a.vng.get(`/api/v1/invoice-runs/${a.run.id}/documents.zip`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect((res.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
      // 338 PDFs, each named after its document number.
      expect((res.body as Buffer).toString('latin1')).toContain(`SEN-${YEAR}-000338.pdf`);
    });
  });
});
