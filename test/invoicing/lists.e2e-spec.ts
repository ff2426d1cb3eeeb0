import { Client as PgClient } from 'pg';
import { addDays, G4, sensoorIds, signIn, TODAY, YEAR } from '../support/demo';
import { expectInvalidField } from '../support/http';
import { AnnualRun, Doc, startWithAnnualRun } from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, waitForRun } from '../support/test-app';

type ListedRun = {
  id: string;
  contract: { id: string; reference: string };
  supplier: { id: string; name: string };
  kind: string;
  status: string;
  period: { start: string; end: string };
  documentCount: number;
  totalCents: number;
  heldCount: number;
  gapCount: number;
};

/**
 * The lists of issue 15 on the 2025 run of VNG-SEN-2018 (338 invoices): the invoice list sorted
 * and searched on the server, the runs as a list of their own, and the totals per year for a chart.
 */
describe('invoice and run lists over the 2025 run of the 338 municipalities', () => {
  let a: AnnualRun;
  let sensoor: Client;
  let amsterdamFinance: Client;
  /** The 2025 invoice totals by municipality code, from the database. */
  let totals: Map<string, number>;
  const invoices = async (client: Client, query: string) =>
    (await client.get(`/api/v1/invoices?${query}`).expect(200)).body as { items: Doc[]; total: number };

  beforeAll(async () => {
    a = await startWithAnnualRun();
    [sensoor, amsterdamFinance] = await signIn(a.t, 'sensoor@demo.nl', 'finance.gm0363@demo.nl');
    const rows = await sql<{ code: string; total: string }>(
      a.t.databaseUrl,
      `SELECT municipality_code AS code, total_cents AS total FROM invoice_document WHERE run_id = $1`,
      [a.run.id],
    );
    totals = new Map(rows.map((row) => [row.code, Number(row.total)]));
  }, 120_000);
  afterAll(() => a?.t.close());

  describe('GET /invoices sorted on the server', () => {
    it('sort=-totalCents puts Eindhoven first on page 1 of 338 (the largest municipality outside the G4), then in descending amounts', async () => {
      const page = await invoices(a.vng, 'sort=-totalCents&limit=50');
      expect(page.total).toBe(338);
      expect(page.items[0]).toMatchObject({ municipalityCode: 'GM0772', totalCents: totals.get('GM0772') });
      const largest = [...totals.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? 1 : -1));
      expect(largest[0][0]).toBe('GM0772');
      expect(page.items.map((d) => d.totalCents)).toEqual(largest.slice(0, 50).map(([, total]) => total));
      expect(G4).not.toContain(page.items[0].municipalityCode);
    });

    it('sort=totalCents ascending starts with the smallest invoice, and page 7 of 50 holds the last 38', async () => {
      const smallest = Math.min(...totals.values());
      expect((await invoices(a.vng, 'sort=totalCents&limit=50')).items[0].totalCents).toBe(smallest);
      const last = await invoices(a.vng, 'sort=totalCents&limit=50&page=7');
      expect(last.items).toHaveLength(38);
      expect(last.items[37].municipalityCode).toBe('GM0772');
    });

    it('sort=municipality orders by the customer name: Zwolle last, and descending is ascending turned round', async () => {
      const names = async (sort: string) =>
        (await invoices(a.vng, `sort=${sort}&limit=338`)).items.map((d) => d.customerName);
      const ascending = await names('municipality');
      const descending = await names('-municipality');
      expect(descending[0]).toBe('Gemeente Zwolle');
      expect(ascending).toHaveLength(338);
      expect(ascending).toEqual([...descending].reverse());
    });

    it('pages sorted on one value never overlap: ties are broken by number', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((p) => invoices(a.vng, `sort=status&limit=100&page=${p}`)));
      const numbers = pages.flatMap((p) => p.items.map((d) => d.number));
      expect(numbers).toHaveLength(338);
      expect(new Set(numbers).size).toBe(338);
    });

    it('a sort that is not a field is a 400 problem naming sort, and so is a q of 101 characters naming q', async () => {
      expectInvalidField(await a.vng.get('/api/v1/invoices?sort=amount'), 'sort');
      expectInvalidField(await a.vng.get('/api/v1/invoices?sort=--totalCents'), 'sort');
      expectInvalidField(await a.vng.get(`/api/v1/invoices?q=${'a'.repeat(101)}`), 'q');
      expectInvalidField(await a.vng.get('/api/v1/invoice-runs?sort=number'), 'sort');
      expectInvalidField(await a.vng.get('/api/v1/invoices/summary?by=month'), 'by');
    });
  });

  describe('GET /invoices?q=', () => {
    it('q=Assen finds exactly Assen’s invoice (a word from its start: not Wassenaar), with the list totals of that one', async () => {
      const found = (await a.vng.get('/api/v1/invoices?q=Assen').expect(200)).body;
      expect(found.items.map((d: Doc) => d.municipalityCode)).toEqual(['GM0106']);
      expect(found.total).toBe(1);
      expect(found.totals.netInvoicedCents).toBe(totals.get('GM0106'));
    });

    it('q finds a document number, and a municipality code in any case', async () => {
      const eindhoven = a.doc('GM0772');
      expect((await invoices(a.vng, `q=${eindhoven.number}`)).items.map((d) => d.id)).toEqual([eindhoven.id]);
      expect((await invoices(a.vng, `q=${eindhoven.number.toLowerCase()}`)).items.map((d) => d.id)).toEqual([
        eindhoven.id,
      ]);
      expect((await invoices(a.vng, 'q=gm0106')).items.map((d) => d.municipalityCode)).toEqual(['GM0106']);
    });

    it('q is plain text: % and _ match only themselves; a later word and a word after a hyphen are found', async () => {
      expect((await invoices(a.vng, 'q=%25')).total).toBe(0);
      expect((await invoices(a.vng, 'q=GM0_06')).total).toBe(0);
      expect((await invoices(a.vng, 'q=wassen')).items.map((d) => d.municipalityCode)).toEqual(['GM0629']);
      expect((await invoices(a.vng, 'q=hunze')).items.map((d) => d.customerName)).toEqual(['Gemeente Aa en Hunze']);
      expect((await invoices(a.vng, 'q=hertogenbosch')).items.map((d) => d.municipalityCode)).toEqual(['GM0796']);
    });

    it('q works with the filters: Assen in the run, and nobody in another year', async () => {
      expect((await invoices(a.vng, `q=Assen&run=${a.run.id}`)).total).toBe(1);
      expect((await invoices(a.vng, 'q=Assen&periodYear=2024')).total).toBe(0);
    });
  });

  describe('GET /invoice-runs', () => {
    const runs = async (client: Client, query = '') =>
      (await client.get(`/api/v1/invoice-runs?${query}`).expect(200)).body as { items: ListedRun[]; total: number };
    const runTotal = () => [...totals.values()].reduce((sum, total) => sum + total, 0);

    it('per contract: the 2025 run with its 338 documents, its total to the cent, and its gaps', async () => {
      const listed = await runs(a.vng, `contract=${a.vng2018}`);
      expect(listed).toMatchObject({ total: 1, page: 1, limit: 50 });
      expect(listed.items).toEqual([
        expect.objectContaining({
          id: a.run.id,
          contract: expect.objectContaining({ id: a.vng2018, reference: 'VNG-SEN-2018' }),
          supplier: expect.objectContaining({ name: 'Stichting Sensoor' }),
          kind: 'INVOICE',
          status: 'COMPLETED',
          period: { start: '2025-01-01', end: '2025-12-31' },
          documentCount: 338,
          totalCents: runTotal(),
          heldCount: 0,
          gapCount: a.run.gapCount,
        }),
      ]);
      expect(runTotal()).toBe(a.run.totalCents);
      // Only Assen completed its details (and has a purchase order): every other invoice has a gap.
      expect(a.run.gapCount).toBe(337);
    });

    it('per provider: Sensoor sees the run under its own id; filters for another year, status or kind find nothing', async () => {
      const { providerId } = await sensoorIds(sensoor);
      expect((await runs(sensoor, `provider=${providerId}`)).items.map((r) => r.id)).toEqual([a.run.id]);
      expect((await runs(sensoor, `provider=${providerId}&year=2025&status=COMPLETED&kind=INVOICE`)).total).toBe(1);
      expect((await runs(sensoor, 'year=2024')).total).toBe(0);
      expect((await runs(sensoor, 'status=FAILED')).total).toBe(0);
      expect((await runs(sensoor, 'kind=CORRECTION')).total).toBe(0);
    });

    it('a correction run is listed beside it, newest first by default, and sort=createdAt turns the order', async () => {
      const started = await a.vng
        .post(`/api/v1/contracts/${a.vng2018}/correction-runs`)
        .set('Idempotency-Key', 'lists-correction')
        .send({ year: 2025 });
      expect(started.status).toBe(202);
      const correction = await waitForRun<{ id: string; status: string }>(a.vng, started.body.id);
      expect(correction.status).toBe('COMPLETED');
      const listed = await runs(a.vng, `contract=${a.vng2018}`);
      expect(listed.items.map((r) => [r.kind, r.documentCount, r.totalCents])).toEqual([
        ['CORRECTION', 0, 0],
        ['INVOICE', 338, runTotal()],
      ]);
      expect((await runs(a.vng, `contract=${a.vng2018}&sort=createdAt`)).items.map((r) => r.kind)).toEqual([
        'INVOICE',
        'CORRECTION',
      ]);
      expect((await runs(a.vng, `contract=${a.vng2018}&sort=-totalCents&limit=1`)).items[0].kind).toBe('INVOICE');
      expect((await runs(a.vng, `contract=${a.vng2018}&limit=1&page=2`)).items.map((r) => r.kind)).toEqual(['INVOICE']);
    });

    it('another tenant does not see the run: not listed for Amsterdam’s finance (and 404 on its id), nor for Assen', async () => {
      expect((await runs(amsterdamFinance)).items.map((r) => r.id)).not.toContain(a.run.id);
      expect((await runs(amsterdamFinance, `contract=${a.vng2018}`)).total).toBe(0);
      expect((await amsterdamFinance.get(`/api/v1/invoice-runs/${a.run.id}`)).status).toBe(404);
      expect((await runs(a.financeAssen, `contract=${a.vng2018}`)).total).toBe(0);
    });
  });

  describe('GET /invoices/summary', () => {
    it('per issue year: the 338 invoices open to the cent, nothing paid or overdue; per period year the same under 2025', async () => {
      const all = [...totals.values()].reduce((sum, total) => sum + total, 0);
      const summary = (await a.vng.get(`/api/v1/invoices/summary?run=${a.run.id}`).expect(200)).body;
      expect(summary).toEqual({
        by: 'year',
        years: [{ year: YEAR, invoiceCount: 338, paidCents: 0, openCents: all, overdueCents: 0 }],
      });
      const byPeriod = (await a.vng.get(`/api/v1/invoices/summary?run=${a.run.id}&by=periodYear`).expect(200)).body;
      expect(byPeriod.years).toEqual([
        { year: 2025, invoiceCount: 338, paidCents: 0, openCents: all, overdueCents: 0 },
      ]);
    });

    it('a payment moves its amount from open to paid; an invoice past its due date is overdue; q and the filters apply', async () => {
      const assen = a.doc('GM0106');
      const eindhoven = a.doc('GM0772');
      await sensoor
        .post(`/api/v1/invoices/${assen.id}/payments`)
        .send({ amountCents: 10_000, date: TODAY, reference: 'Deelbetaling' })
        .expect(201);
      // Documents are immutable and issued today: only the superuser, with triggers off, can date one in the past.
      const client = new PgClient({ connectionString: a.t.databaseUrl });
      await client.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await client.query(`UPDATE invoice_document SET due_date = $2 WHERE id = $1`, [
          eindhoven.id,
          addDays(TODAY, -1),
        ]);
      } finally {
        await client.end();
      }
      const all = [...totals.values()].reduce((sum, total) => sum + total, 0);
      const eindhovenTotal = totals.get('GM0772')!;
      const summary = (await a.vng.get(`/api/v1/invoices/summary?run=${a.run.id}&by=periodYear`).expect(200)).body;
      expect(summary.years).toEqual([
        {
          year: 2025,
          invoiceCount: 338,
          paidCents: 10_000,
          openCents: all - eindhovenTotal - 10_000,
          overdueCents: eindhovenTotal,
        },
      ]);
      expect((await a.vng.get('/api/v1/invoices/summary?q=Assen&by=periodYear').expect(200)).body.years).toEqual([
        {
          year: 2025,
          invoiceCount: 1,
          paidCents: 10_000,
          openCents: totals.get('GM0106')! - 10_000,
          overdueCents: 0,
        },
      ]);
      expect((await a.vng.get('/api/v1/invoices/summary?status=OVERDUE').expect(200)).body.years).toEqual([
        { year: YEAR, invoiceCount: 1, paidCents: 0, openCents: 0, overdueCents: eindhovenTotal },
      ]);
      expect((await a.vng.get('/api/v1/invoices/summary?type=CREDIT_NOTE').expect(200)).body.years).toEqual([]);
      // The list agrees: Eindhoven is OVERDUE and first by outstanding amount.
      expect((await invoices(a.vng, 'sort=-outstandingCents&limit=1')).items[0]).toMatchObject({
        municipalityCode: 'GM0772',
        status: 'OVERDUE',
      });
    });

    it('another tenant’s invoices are not in its summary: Amsterdam’s finance sees no year of this run', async () => {
      expect((await amsterdamFinance.get(`/api/v1/invoices/summary?run=${a.run.id}`).expect(200)).body.years).toEqual(
        [],
      );
    });
  });
});
