import { randomUUID } from 'node:crypto';
import { contractId, endParticipation, sensoorIds, TODAY, YEAR } from '../support/demo';
import { validateUbl } from '../support/einvoice';
import { asText, outcome, PROBLEM } from '../support/http';
import {
  contractFor2025,
  demoBillingDetailsOnly,
  Doc,
  Run,
  runDocuments,
  seq,
  startRun,
  VAT_EXEMPT,
} from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, listenOnce, startTestApp, TestApp, waitForRun } from '../support/test-app';

const HEADER = 'code,oin,kvkNumber,street,postalCode,city,invoiceEmail';
/** Made-up test data (as are the addresses below, except the demo's): an OIN of the municipal form (00000001 + an RSIN that passes the eleven test + 000). */
const GRONINGEN_OIN = '00000001001234560000';
/** Groningen's CBS population on 1 January 2024 (data/reference) x EUR 0.25, in cents. */
const GRONINGEN_2025_CENTS = 6094200;

type Held = { municipalityCode: string | null; missing: string[] };

/**
 * No invoice without the customer's address (art. 35a Wet OB; DOMAIN.md rule 8): on the demo's
 * billing details (five town halls, of which only Assen takes part in VNG-SEN-2018) and three
 * addresses loaded in bulk, the 2025 run issues four invoices and holds the other 334; completing
 * Groningen and releasing issues exactly that one invoice, numbered after the others.
 */
describe('held customers: a run holds whoever lacks an address, a release issues them when complete', () => {
  let t: TestApp;
  let vng: Client;
  let sensoor: Client;
  let officer: Client;
  let operator: Client;
  let vng2018: string;
  let run: Run;
  const release = (client: Client, id = run.id) => client.post(`/api/v1/invoice-runs/${id}/release-held`);
  const numbersOf = async () =>
    (
      await sql<{ number: string }>(
        t.databaseUrl,
        `SELECT number FROM invoice_document WHERE type = 'INVOICE' AND number LIKE $1 ORDER BY number`,
        [`SEN-${YEAR}-%`],
      )
    ).map((r) => r.number);

  beforeAll(async () => {
    t = await startTestApp();
    await listenOnce(t);
    [vng, sensoor, officer, operator] = await Promise.all(
      ['vng@demo.nl', 'sensoor@demo.nl', 'officer.gm0106@demo.nl', 'operator@demo.nl'].map((e) => t.as(e)),
    );
    vng2018 = await contractId(t, 'VNG-SEN-2018');
    await demoBillingDetailsOnly(t);
    await vng
      .post('/api/v1/billing-details/imports?dryRun=false')
      .set('Content-Type', 'text/csv')
      .send(`${HEADER}\nGM0034,,,Stadhuisplein 1,1315 HR,Almere,\nGM0085,,,Teststraat 2,9999 ZZ,Ooststellingwerf,\n`)
      .expect(201);
  }, 60_000);
  afterAll(() => t?.close());

  it('the dry run says what a run would issue and hold, with the readiness of every participant', async () => {
    const res = await vng.post(`/api/v1/contracts/${vng2018}/invoice-runs?dryRun=true`).send({ year: 2025 });
    expect(outcome(res)).toMatchObject({
      status: 200,
      body: {
        documentType: 'INVOICE',
        documents: 3,
        heldCount: 335,
        readiness: { customers: 338, ready: 3, eInvoiceReady: 0 },
      },
    });
    expect(res.body.lines).toHaveLength(338);
    expect(
      res.body.readiness.items.find((i: { municipalityCode: string }) => i.municipalityCode === 'GM0080').missing,
    ).toEqual(['invoiceAddress', 'oinOrKvkNumber']);
  });

  describe('the 2025 run', () => {
    beforeAll(async () => {
      const started = await startRun(vng, vng2018, { year: 2025 });
      expect(started.status).toBe(202);
      run = await waitForRun<Run>(vng, started.body.id);
    }, 120_000);

    it('issues the three customers with an address and holds the 335 without, counted apart', async () => {
      expect(run).toMatchObject({
        status: 'COMPLETED',
        progress: { done: 338, total: 338 },
        documentCount: 3,
        heldCount: 335,
        error: null,
      });
      expect(run.held).toHaveLength(335);
      expect((run.held as Held[]).find((h) => h.municipalityCode === 'GM0014')).toEqual({
        municipalityCode: 'GM0014',
        missing: ['invoiceAddress', 'oinOrKvkNumber'],
      });
      const docs = await runDocuments(vng, run.id);
      expect(docs.map((d) => d.municipalityCode).sort()).toEqual(['GM0034', 'GM0085', 'GM0106']);
      const addresses = await sql<{ code: string; street: string | null; city: string | null }>(
        t.databaseUrl,
        `SELECT municipality_code AS code, customer_snapshot->>'street' AS street, customer_snapshot->>'city' AS city
           FROM invoice_document WHERE run_id = $1 ORDER BY municipality_code`,
        [run.id],
      );
      expect(addresses).toEqual([
        { code: 'GM0034', street: 'Stadhuisplein 1', city: 'Almere' },
        { code: 'GM0085', street: 'Teststraat 2', city: 'Ooststellingwerf' },
        { code: 'GM0106', street: 'Noordersingel 33', city: 'Assen' },
      ]);
      expect(await numbersOf()).toEqual([1, 2, 3].map((n) => `SEN-${YEAR}-${seq(n)}`));
    });

    it('the parties see the held customers; nobody else sees the run', async () => {
      const seen = await sensoor.get(`/api/v1/invoice-runs/${run.id}`).expect(200);
      expect(seen.body).toMatchObject({ heldCount: 335, documentCount: 3 });
      expect((await officer.get(`/api/v1/invoice-runs/${run.id}`)).status).toBe(404);
    });

    it('a release with nothing completed issues nothing', async () => {
      const res = await release(vng);
      expect(outcome(res)).toMatchObject({
        status: 200,
        body: { released: [], nothingDue: [], run: { heldCount: 335, documentCount: 3 } },
      });
      expect(await numbersOf()).toHaveLength(3);
    });

    it('an officer may not release (403), another tenant gets a 404, and a run that is not there a 404', async () => {
      expect((await release(officer)).status).toBe(403);
      const finance = await t.as('finance.gm0363@demo.nl');
      expect((await release(finance)).status).toBe(404);
      const missing = await release(vng, randomUUID());
      expect(outcome(missing)).toMatchObject({ status: 404 });
      expect(missing.headers['content-type']).toContain(PROBLEM);
    });

    describe('after Groningen completes its details, twenty releases at once', () => {
      let answers: Array<{ status: number; body: { released: Array<{ municipalityCode: string; number: string }> } }>;

      beforeAll(async () => {
        await vng
          .post('/api/v1/billing-details/imports?dryRun=false')
          .set('Content-Type', 'text/csv')
          .send(`${HEADER}\nGM0014,${GRONINGEN_OIN},,Kreupelstraat 1,9712 HW,Groningen,facturen@groningen.example\n`)
          .expect(201);
        answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            release(i % 2 ? vng : sensoor).then((r) => ({ status: r.status, body: r.body })),
          ),
        );
      }, 60_000);

      it('issue exactly one invoice, to Groningen, numbered right after the others (no gap)', async () => {
        expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
        const released = answers.flatMap((a) => a.body.released);
        expect(released).toEqual([
          { municipalityCode: 'GM0014', documentId: expect.any(String), number: `SEN-${YEAR}-${seq(4)}` },
        ]);
        expect(await numbersOf()).toEqual([1, 2, 3, 4].map((n) => `SEN-${YEAR}-${seq(n)}`));
        const after = (await vng.get(`/api/v1/invoice-runs/${run.id}`).expect(200)).body as Run;
        expect(after).toMatchObject({ status: 'COMPLETED', documentCount: 4, heldCount: 334 });
        expect((after.held as Held[]).some((h) => h.municipalityCode === 'GM0014')).toBe(false);
      });

      it("the invoice carries today's details and amount, and its e-invoice passes UBL 2.1, EN 16931 and SI-UBL 2.0", async () => {
        const docs = await runDocuments(vng, run.id);
        const groningen = docs.find((d) => d.municipalityCode === 'GM0014') as Doc;
        expect(groningen).toMatchObject({
          type: 'INVOICE',
          totalCents: GRONINGEN_2025_CENTS,
          customerName: 'Gemeente Groningen',
          issueDate: TODAY,
        });
        const [snapshot] = await sql<{ customer: Record<string, string> }>(
          t.databaseUrl,
          'SELECT customer_snapshot AS customer FROM invoice_document WHERE id = $1',
          [groningen.id],
        );
        expect(snapshot.customer).toMatchObject({
          oin: GRONINGEN_OIN,
          street: 'Kreupelstraat 1',
          postalCode: '9712 HW',
        });
        const ubl = await vng.get(`/api/v1/invoices/${groningen.id}/ubl`).buffer(true).parse(asText);
        expect(ubl.status).toBe(200);
        const xml = ubl.body as string;
        expect(xml).toContain(GRONINGEN_OIN);
        expect(await validateUbl(xml)).toEqual({ xsd: [], en16931: [], nlcius: [] });
        expect((await vng.get(`/api/v1/invoices/${groningen.id}/pdf`)).status).toBe(200);
      }, 120_000);

      it('the release is in the audit log', async () => {
        const rows = await sql<{ after: { released: string[] } }>(
          t.databaseUrl,
          `SELECT after FROM audit_event WHERE action = 'invoice-run.released' AND entity_id = $1`,
          [run.id],
        );
        expect(rows.map((r) => r.after.released)).toEqual([[`SEN-${YEAR}-${seq(4)}`]]);
      });
    });

    describe('when the facts changed since', () => {
      it('a participant whose participation was ended before the year is no longer held after a release, and nothing is issued', async () => {
        const [{ id }] = await sql<{ id: string }>(
          t.databaseUrl,
          `SELECT p.id FROM participation p WHERE p.contract_id = $1 AND p.municipality_code = 'GM0080'`,
          [vng2018],
        );
        await sql(t.databaseUrl, `UPDATE participation SET to_date = '2024-12-31' WHERE id = $1`, [id]);
        const res = await release(operator);
        expect(outcome(res)).toMatchObject({
          status: 200,
          body: { released: [], nothingDue: ['GM0080'], run: { heldCount: 333, documentCount: 4 } },
        });
      });
    });
  });

  describe('a central invoice (CENTRAL_INVOICE) to the VNG', () => {
    it('is held while the VNG has no address, and released once its ORG_ADMIN gives one; nobody else reads or sets those details', async () => {
      const vngId = (await vng.get('/api/v1/me').expect(200)).body.organisation.id as string;
      // The demo gives the VNG its office address; this case starts without one.
      await sql(t.databaseUrl, `DELETE FROM billing_details WHERE organisation_id = $1`, [vngId]);
      await endParticipation(vng, vng2018, 'GM0088', '2024-12-31');
      const contract = await contractFor2025(
        vng,
        await sensoorIds(vng),
        { code: 'GM0088', from: '2025-01-01' },
        {
          title: 'Centrale factuur (test)',
          fundingModel: 'CENTRAL_INVOICE',
          ...VAT_EXEMPT,
          tariffs: [{ perInhabitant: '0.0100', validFrom: '2025-01-01' }],
        },
      );
      const started = await startRun(vng, contract, { year: 2025 });
      const central = await waitForRun<Run>(vng, started.body.id);
      expect(central).toMatchObject({
        status: 'COMPLETED',
        documentCount: 0,
        heldCount: 1,
        held: [{ municipalityCode: null, missing: ['invoiceAddress', 'oinOrKvkNumber'] }],
      });
      expect((await sensoor.get(`/api/v1/organisations/${vngId}/billing-details`)).status).toBe(404);
      expect((await sensoor.put(`/api/v1/organisations/${vngId}/billing-details`).send({})).status).toBe(404);
      // The VNG's published office address (public), as the test's invoice address.
      await vng
        .put(`/api/v1/organisations/${vngId}/billing-details`)
        .send({ invoiceAddress: { street: 'Nassaulaan 12', postalCode: '2514 JS', city: 'Den Haag' } })
        .expect(200);
      const res = await release(vng, central.id);
      expect(outcome(res)).toMatchObject({
        status: 200,
        body: {
          released: [{ municipalityCode: null, number: expect.stringMatching(new RegExp(`^SEN-${YEAR}-`)) }],
          run: { documentCount: 1, heldCount: 0 },
        },
      });
    });
  });

  it('allocation statements (fund withholding) are no invoices: a run of VNG-SEN-2015 holds nobody', async () => {
    const started = await startRun(vng, await contractId(t, 'VNG-SEN-2015'), { year: 2016 });
    const allocation = await waitForRun<Run>(vng, started.body.id);
    expect(allocation).toMatchObject({ status: 'COMPLETED', heldCount: 0, held: [] });
    expect(allocation.documentCount).toBeGreaterThan(300);
  }, 120_000);
});
