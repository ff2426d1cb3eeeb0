import { randomUUID } from 'node:crypto';
import { contractId, YEAR } from '../support/demo';
import { peppolLineAmountErrors, validateUbl } from '../support/einvoice';
import { asText, outcome, PROBLEM } from '../support/http';
import { AnnualRun, Doc, Run, seq, startRun, startWithAnnualRun } from '../support/invoicing';
import { sql } from '../support/test-database';
import { Client, waitForRun } from '../support/test-app';

const correct = (client: Client, contract: string, body: object, key: string | null = randomUUID(), dryRun = false) => {
  const req = client.post(`/api/v1/contracts/${contract}/correction-runs${dryRun ? '?dryRun=true' : ''}`);
  return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
};

/**
 * Billing follows the facts (issue 13): after the 2025 run, the VNG ends Aa en Hunze's
 * participation on 31 August 2025. The differences show EUR 2,159.65 billed too much with the
 * reason; the correction run issues exactly one credit note of that amount on the invoice's line,
 * a second one issues nothing, and a population corrected after the run gives a supplementary
 * invoice naming the original. The steps build on each other, in order.
 */
describe('billing differences and correction runs', () => {
  let a: AnnualRun;
  let aaEnHunze: Doc;
  let assen: Doc;
  const differences = (client: Client, query = 'year=2025') =>
    client.get(`/api/v1/contracts/${a.vng2018}/billing-differences?${query}`);
  const numbers = async (pattern: string) =>
    (
      await sql<{ number: string }>(
        a.t.databaseUrl,
        `SELECT number FROM invoice_document WHERE number LIKE $1 ORDER BY number`,
        [pattern],
      )
    ).map((r) => r.number);

  beforeAll(async () => {
    // Aa en Hunze gets an OIN before the run (made-up test data; the RSIN passes the eleven test), so that its credit note can be an e-invoice.
    a = await startWithAnnualRun(async (t) => {
      const operator = await t.as('operator@demo.nl');
      await operator
        .put('/api/v1/municipalities/GM1680/billing-details')
        .send({
          oin: '00000001001234560000',
          invoiceAddress: { street: 'Spoorlaan 6', postalCode: '9461 AG', city: 'Gieten' },
        })
        .expect(200);
      // Apeldoorn ends on 28 February 2025 before the run; after it, the VNG enrols it back from 1 March.
      // Made-up test data: its OIN, so that its supplementary invoice can be an e-invoice.
      await operator
        .put('/api/v1/municipalities/GM0200/billing-details')
        .send({
          oin: '00000001001234560000',
          invoiceAddress: { street: 'Testadres 1', postalCode: '7311 AA', city: 'Apeldoorn' },
        })
        .expect(200);
      const vng = await t.as('vng@demo.nl');
      const vng2018 = await contractId(t, 'VNG-SEN-2018');
      await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0200?endDate=2025-02-28`).expect(200);
      // The VNG's webhook hears of differences (nothing listens: the delivery is what counts here).
      await vng
        .post('/api/v1/webhooks')
        .send({ url: 'http://127.0.0.1:9/vng', events: ['billing.difference'] })
        .expect(201);
    });
    aaEnHunze = a.doc('GM1680');
    assen = a.doc('GM0106');
  }, 120_000);
  afterAll(() => a?.t.close());

  it('before any change nothing differs: 338 municipalities, billed is due', async () => {
    const res = await differences(a.vng);
    expect(outcome(res)).toMatchObject({ status: 200, body: { documentType: 'INVOICE', referenceDate: '2024-01-01' } });
    expect(res.body.items).toHaveLength(338);
    expect(res.body.totals).toMatchObject({ differenceCents: 0, municipalities: 0 });
  });

  it('finance finds the 2025 invoices by the year of their period (they were issued in ' + YEAR + ')', async () => {
    const byPeriod = await a.vng.get('/api/v1/invoices?periodYear=2025&limit=1').expect(200);
    expect(byPeriod.body.total).toBe(338);
    const byIssue = await a.vng.get('/api/v1/invoices?year=2025&limit=1').expect(200);
    expect(byIssue.body.total).toBe(YEAR === 2025 ? 338 : 0);
    const bad = await a.vng.get('/api/v1/invoices?periodYear=1999');
    expect(outcome(bad)).toMatchObject({ status: 400, body: { errors: [{ field: 'periodYear' }] } });
  });

  it('after Aa en Hunze ends on 31 August 2025 the differences show -EUR 2,159.65 with the reason, for both parties', async () => {
    expect(aaEnHunze.totalCents).toBe(646125);
    const ended = await a.vng.delete(`/api/v1/contracts/${a.vng2018}/participants/GM1680?endDate=2025-08-31`);
    // The change answers with what it does to the issued invoice, at the moment it happens.
    expect(outcome(ended)).toMatchObject({ status: 200, body: { code: 'GM1680', to: '2025-08-31' } });
    expect(ended.body.billingImpact).toEqual({
      differenceCents: -215965,
      documents: [{ id: aaEnHunze.id, number: aaEnHunze.number, type: 'INVOICE' }],
      items: [
        {
          contractId: a.vng2018,
          contractReference: 'VNG-SEN-2018',
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
          municipalityCode: 'GM1680',
          name: 'Aa en Hunze',
          billedCents: 646125,
          dueCents: 430160,
          differenceCents: -215965,
          documents: [{ id: aaEnHunze.id, number: aaEnHunze.number, type: 'INVOICE' }],
          reasons: ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'],
        },
      ],
      notified: true,
    });
    for (const client of [a.vng, await a.t.as('sensoor@demo.nl')]) {
      const res = await differences(client);
      expect(res.status).toBe(200);
      expect(res.body.totals).toMatchObject({ differenceCents: -215965, municipalities: 1 });
      expect(res.body.items.find((i: { municipalityCode: string }) => i.municipalityCode === 'GM1680')).toEqual({
        municipalityCode: 'GM1680',
        name: 'Aa en Hunze',
        billedCents: 646125,
        dueCents: 430160,
        differenceCents: -215965,
        documents: [{ id: aaEnHunze.id, number: aaEnHunze.number, type: 'INVOICE' }],
        reasons: ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'],
      });
    }
    // A municipality sees its own invoices, not the contract's differences.
    expect((await differences(a.financeAssen)).status).toBe(404);
  });

  it("the difference is told to Sensoor's finance and the VNG's contract managers, and sent as billing.difference, once", async () => {
    const told = (client: Client) =>
      client
        .get('/api/v1/notifications?limit=100')
        .expect(200)
        .then((res) => res.body.items.filter((n: { kind: string }) => n.kind === 'BILLING_DIFFERENCE'));
    const notice = {
      subjectType: 'contract',
      subjectId: a.vng2018,
      municipalityCode: 'GM1680',
      title: 'Factuurverschil in VNG-SEN-2018: EUR -2.159,65',
      message: expect.stringContaining(
        'Na deelname van Aa en Hunze beëindigd per 31-08-2025 wijkt wat verschuldigd is af van wat al gefactureerd is: Aa en Hunze (GM1680), 01-01-2025 t/m 31-12-2025: EUR -2.159,65 (deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1))',
      ),
      data: expect.objectContaining({ differenceCents: -215965, link: `/contracten/${a.vng2018}/verschillen` }),
    };
    expect(await told(await a.t.as('sensoor@demo.nl'))).toEqual([expect.objectContaining(notice)]);
    expect(await told(a.vng)).toEqual([expect.objectContaining(notice)]);
    // Not the municipality, and not Sensoor's or the VNG's other roles.
    expect(await told(a.financeAssen)).toEqual([]);
    const sent = await sql<{ payload: { type: string; data: Record<string, unknown> } }>(
      a.t.databaseUrl,
      `SELECT payload FROM webhook_delivery WHERE event = 'billing.difference'`,
    );
    expect(sent).toEqual([
      {
        payload: expect.objectContaining({
          type: 'billing.difference',
          data: expect.objectContaining({ contractId: a.vng2018, differenceCents: -215965 }),
        }),
      },
    ]);
  });

  it('the dry run says one credit note of EUR 2,159.65 and writes nothing', async () => {
    const res = await correct(a.vng, a.vng2018, { year: 2025 }, null, true);
    expect(outcome(res)).toMatchObject({
      status: 200,
      body: { creditNotes: 1, supplementaryInvoices: 0, creditCents: 215965, supplementCents: 0 },
    });
    expect(await numbers(`SEN-CN-${YEAR}-%`)).toEqual([]);
  });

  it('the correction run issues exactly one credit note on the invoice line; the invoice follows; a second run issues nothing', async () => {
    const started = await correct(a.vng, a.vng2018, { year: 2025 }, 'correction-1');
    expect(outcome(started)).toMatchObject({ status: 202, body: { kind: 'CORRECTION', status: 'QUEUED' } });
    const run = await waitForRun<Run>(a.vng, started.body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', kind: 'CORRECTION', documentCount: 1, totalCents: -215965 });
    const [credit] = (await a.vng.get(`/api/v1/invoices?run=${run.id}&limit=10`).expect(200)).body.items as Doc[];
    expect(credit).toMatchObject({
      type: 'CREDIT_NOTE',
      number: `SEN-CN-${YEAR}-${seq(1)}`,
      municipalityCode: 'GM1680',
      totalCents: 215965,
      credits: { id: aaEnHunze.id, number: aaEnHunze.number },
    });
    expect(credit.lines).toEqual([
      expect.objectContaining({
        lineNumber: 1,
        amountCents: 215965,
        description: expect.stringContaining(`Creditering ${aaEnHunze.number} regel 1:`),
      }),
    ]);
    const invoice = (await a.vng.get(`/api/v1/invoices/${aaEnHunze.id}`).expect(200)).body as Doc;
    expect(invoice).toMatchObject({ creditedCents: 215965, outstandingCents: 430160, status: 'OPEN' });
    const ubl = await a.vng.get(`/api/v1/invoices/${credit.id}/ubl`).buffer(true).parse(asText);
    expect(ubl.status).toBe(200);
    expect(await validateUbl(ubl.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
    // It credits part of a line billed for the whole year (which days it stands for is not stored): quantity 1 at its amount.
    expect(ubl.body).toMatch(
      /<cbc:CreditedQuantity unitCode="C62">1<\/cbc:CreditedQuantity>\s*<cbc:LineExtensionAmount currencyID="EUR">2159.65</,
    );
    expect(ubl.body).toContain('<cbc:PriceAmount currencyID="EUR">2159.65</cbc:PriceAmount>');
    expect(peppolLineAmountErrors(ubl.body as string)).toEqual([]);

    const again = await correct(a.vng, a.vng2018, { year: 2025 }, 'correction-2');
    expect(again.status).toBe(202);
    expect(await waitForRun<Run>(a.vng, again.body.id)).toMatchObject({ status: 'COMPLETED', documentCount: 0 });
    expect((await differences(a.vng)).body.totals).toMatchObject({ differenceCents: 0, municipalities: 0 });
    expect(await numbers(`SEN-CN-${YEAR}-%`)).toEqual([`SEN-CN-${YEAR}-${seq(1)}`]);
  }, 120_000);

  it('a population corrected after the run gives a supplementary invoice naming the original, whose UBL validates', async () => {
    // MADE-UP TEST DATA: a corrected CBS figure for Assen on 1 January 2024 (69,701 + 300).
    const operator = await a.t.as('operator@demo.nl');
    const file = 'code,year,population\nGM0106,2024,70001\n';
    const importFigures = (dryRun: boolean) =>
      operator
        .post(`/api/v1/reference-data/population-imports?dryRun=${dryRun}`)
        .set('Content-Type', 'text/csv')
        .send(file);
    const impact = {
      differenceCents: 7500,
      documents: [{ id: assen.id, number: assen.number, type: 'INVOICE' }],
      items: [
        expect.objectContaining({
          municipalityCode: 'GM0106',
          billedCents: 1742525,
          dueCents: 1750025,
          reasons: ['inwonertal 69.701 → 70.001 (CBS, peildatum 01-01-2024; regels 2 en 3)'],
        }),
      ],
    };
    // The dry run shows what the figure would do to the issued invoice, tells nobody and writes nothing.
    const dry = await importFigures(true);
    expect(outcome(dry)).toMatchObject({ status: 200, body: { applied: false } });
    expect(dry.body.billingImpact).toEqual({ ...impact, notified: false });
    expect((await differences(a.vng)).body.totals).toMatchObject({ differenceCents: 0 });
    const applied = await importFigures(false);
    expect(outcome(applied)).toMatchObject({ status: 201, body: { applied: true } });
    expect(applied.body.billingImpact).toEqual({ ...impact, notified: true });
    const diff = (await differences(a.vng)).body.items.find(
      (i: { municipalityCode: string }) => i.municipalityCode === 'GM0106',
    );
    expect(diff).toMatchObject({
      differenceCents: 7500,
      reasons: ['inwonertal 69.701 → 70.001 (CBS, peildatum 01-01-2024; regels 2 en 3)'],
    });
    const started = await correct(a.vng, a.vng2018, { year: 2025 });
    const run = await waitForRun<Run>(a.vng, started.body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 1, totalCents: 7500 });
    const [supplement] = (await a.vng.get(`/api/v1/invoices?run=${run.id}&limit=10`).expect(200)).body.items as Doc[];
    expect(supplement).toMatchObject({ type: 'INVOICE', number: `SEN-${YEAR}-${seq(339)}`, totalCents: 7500 });
    expect(supplement.lines[0].description).toContain(`Aanvulling op ${assen.number}`);
    const ubl = await a.vng.get(`/api/v1/invoices/${supplement.id}/ubl`).buffer(true).parse(asText);
    expect(ubl.body).toContain(`<cbc:ID>${assen.number}</cbc:ID>`);
    expect(await validateUbl(ubl.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
    expect(await numbers(`SEN-${YEAR}-%`)).toEqual(Array.from({ length: 339 }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`));
  }, 120_000);

  it('Apeldoorn enrolled back to 1 March after the run: the enrolment answers the difference; a supplementary invoice names the original', async () => {
    const apeldoorn = a.doc('GM0200');
    // 59 of 365 days of 168,211 inhabitants (CBS, 1 January 2024) at EUR 0.25: EUR 6,797.57.
    expect(apeldoorn.totalCents).toBe(679757);
    // Its e-invoice says so: 168,211 inhabitants x EUR 0.2500 (EUR 42,052.75), less the 306 days not billed (EUR 35,255.18).
    const original = await a.vng.get(`/api/v1/invoices/${apeldoorn.id}/ubl`).buffer(true).parse(asText);
    expect(original.status).toBe(200);
    expect(original.body).toMatch(
      new RegExp(
        [
          '<cbc:InvoicedQuantity unitCode="C62">168211</cbc:InvoicedQuantity>',
          '<cbc:LineExtensionAmount currencyID="EUR">6797.57</cbc:LineExtensionAmount>',
          '<cac:InvoicePeriod>[\\s\\S]*?</cac:InvoicePeriod>',
          '<cac:AllowanceCharge>',
          '<cbc:ChargeIndicator>false</cbc:ChargeIndicator>',
          '<cbc:AllowanceChargeReason>Naar rato: 59 van 365 dagen</cbc:AllowanceChargeReason>',
          '<cbc:Amount currencyID="EUR">35255.18</cbc:Amount>',
          '</cac:AllowanceCharge>',
          '<cac:Item>[\\s\\S]*?</cac:Item>',
          '<cac:Price>',
          '<cbc:PriceAmount currencyID="EUR">0.2500</cbc:PriceAmount>',
        ].join('\\s*'),
      ),
    );
    expect(await validateUbl(original.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
    expect(peppolLineAmountErrors(original.body as string)).toEqual([]);
    const enrolled = await a.vng
      .post(`/api/v1/contracts/${a.vng2018}/participants`)
      .send({ code: 'GM0200', from: '2025-03-01' });
    expect(outcome(enrolled)).toMatchObject({
      status: 201,
      body: { enrolled: [{ code: 'GM0200', from: '2025-03-01' }] },
    });
    // The whole year is due now: EUR 42,052.75; billed EUR 6,797.57.
    expect(enrolled.body.billingImpact).toMatchObject({
      differenceCents: 3525518,
      documents: [{ id: apeldoorn.id, number: apeldoorn.number, type: 'INVOICE' }],
      items: [
        {
          municipalityCode: 'GM0200',
          billedCents: 679757,
          dueCents: 4205275,
          reasons: ['deelname verlengd tot en met 31-12-2025: 365 van 365 dagen (regel 1)'],
        },
      ],
      notified: true,
    });
    const run = await waitForRun<Run>(a.vng, (await correct(a.vng, a.vng2018, { year: 2025 })).body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', documentCount: 1, totalCents: 3525518 });
    const [supplement] = (await a.vng.get(`/api/v1/invoices?run=${run.id}&limit=10`).expect(200)).body.items as Doc[];
    expect(supplement).toMatchObject({
      type: 'INVOICE',
      number: `SEN-${YEAR}-${seq(340)}`,
      municipalityCode: 'GM0200',
      totalCents: 3525518,
    });
    expect(supplement.lines[0].description).toContain(`Aanvulling op ${apeldoorn.number}`);
    const ubl = await a.vng.get(`/api/v1/invoices/${supplement.id}/ubl`).buffer(true).parse(asText);
    expect(ubl.body).toContain(`<cbc:ID>${apeldoorn.number}</cbc:ID>`);
    expect(await validateUbl(ubl.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
  }, 120_000);

  it('a change that reaches no issued period answers billingImpact null', async () => {
    const ended = await a.vng.delete(`/api/v1/contracts/${a.vng2018}/participants/GM0200?endDate=2026-12-31`);
    expect(outcome(ended)).toMatchObject({ status: 200, body: { to: '2026-12-31', billingImpact: null } });
  });

  it('bad requests write nothing: no invoiced period 409, another period 409, a municipality 403, a key bound to another request 422, no key 400', async () => {
    const before = await numbers('SEN-%');
    const notInvoiced = await correct(a.vng, a.vng2018, { year: 2024 });
    expect(outcome(notInvoiced)).toMatchObject({ status: 409, body: { type: '/problems/period-not-invoiced' } });
    expect(notInvoiced.headers['content-type']).toContain(PROBLEM);
    expect(
      outcome(await correct(a.vng, a.vng2018, { periodStart: '2025-01-01', periodEnd: '2025-06-30' })),
    ).toMatchObject({ status: 409, body: { type: '/problems/period-not-invoiced' } });
    expect((await correct(a.financeAssen, a.vng2018, { year: 2025 })).status).toBe(403);
    // The key of the first correction run, with an invoice run's request: 422, whatever that first request was.
    expect(outcome(await startRun(a.vng, a.vng2018, { year: 2025 }, 'correction-1'))).toMatchObject({
      status: 422,
      body: { type: '/problems/idempotency-key-reused' },
    });
    expect((await correct(a.vng, a.vng2018, { year: 2025 }, null)).status).toBe(400);
    expect(await numbers('SEN-%')).toEqual(before);
  });

  it("a replacement invoice: a full credit note and the same lines with today's details; its e-invoice validates where the original's could not", async () => {
    const groningen = a.doc('GM0014');
    const sensoor = await a.t.as('sensoor@demo.nl');
    expect((await sensoor.get(`/api/v1/invoices/${groningen.id}/ubl`)).status).toBe(422);
    // Made-up test data: Groningen's OIN (the RSIN passes the eleven test) and invoice e-mail.
    await (
      await a.t.as('operator@demo.nl')
    )
      .put('/api/v1/municipalities/GM0014/billing-details')
      .send({
        oin: '00000001001234560000',
        invoiceAddress: { street: 'Kreupelstraat 1', postalCode: '9712 HW', city: 'Groningen' },
        invoiceEmail: 'facturen@groningen.example',
      })
      .expect(200);
    const res = await sensoor.post(`/api/v1/invoices/${groningen.id}/replacement`);
    expect(outcome(res)).toMatchObject({
      status: 201,
      body: {
        creditNote: { type: 'CREDIT_NOTE', totalCents: groningen.totalCents, credits: { id: groningen.id } },
        replacement: { type: 'INVOICE', totalCents: groningen.totalCents, number: `SEN-${YEAR}-${seq(341)}` },
      },
    });
    const replacement = res.body.replacement as Doc;
    expect(replacement.lines.map((l) => l.amountCents)).toEqual(groningen.lines.map((l) => l.amountCents));
    const nlcius = await sensoor.get(`/api/v1/invoices/${replacement.id}/ubl`).buffer(true).parse(asText);
    expect(nlcius.body).toContain(`<cbc:ID>${groningen.number}</cbc:ID>`);
    expect(await validateUbl(nlcius.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
    const peppol = await sensoor
      .get(`/api/v1/invoices/${replacement.id}/ubl?profile=peppol`)
      .buffer(true)
      .parse(asText);
    expect(peppol.status).toBe(200);
    expect(await validateUbl(peppol.body as string)).toMatchObject({ xsd: [], en16931: [] });
    expect(peppolLineAmountErrors(peppol.body as string)).toEqual([]);
    expect((await sensoor.get(`/api/v1/invoices/${groningen.id}`).expect(200)).body).toMatchObject({
      status: 'CREDITED',
      outstandingCents: 0,
    });

    const again = await sensoor.post(`/api/v1/invoices/${groningen.id}/replacement`);
    expect(outcome(again)).toMatchObject({
      status: 200,
      body: { creditNote: { id: res.body.creditNote.id }, replacement: { id: replacement.id } },
    });
    // A credit note, an invoice a credit note touched, the contracting party instead of the issuer (403), another municipality's invoice (404): refused, nothing written.
    const before = await numbers('SEN-%');
    expect(outcome(await sensoor.post(`/api/v1/invoices/${res.body.creditNote.id}/replacement`))).toMatchObject({
      status: 422,
      body: { type: '/problems/not-creditable' },
    });
    expect(outcome(await sensoor.post(`/api/v1/invoices/${aaEnHunze.id}/replacement`))).toMatchObject({
      status: 422,
      body: { type: '/problems/not-replaceable' },
    });
    expect((await a.vng.post(`/api/v1/invoices/${assen.id}/replacement`)).status).toBe(403);
    expect((await a.financeAssen.post(`/api/v1/invoices/${groningen.id}/replacement`)).status).toBe(404);
    expect(await numbers('SEN-%')).toEqual(before);
  }, 120_000);

  it('a tariff amendment back to 1 July 2025 after the run: every municipality with an address gets a supplementary invoice for the difference, numbered without a gap', async () => {
    // MADE-UP TEST DATA: no such amendment exists; EUR 0.30 per inhabitant from 1 July 2025.
    const amended = await a.vng
      .post(`/api/v1/contracts/${a.vng2018}/amendments`)
      .send({ effectiveDate: '2025-07-01', reason: 'Tariefwijziging (test)', perInhabitant: '0.3000' })
      .expect(201);
    const before = (await differences(a.vng)).body as {
      items: Array<{ municipalityCode: string; differenceCents: number; reasons: string[] }>;
      totals: { differenceCents: number; municipalities: number };
    };
    const assenDifference = before.items.find((i) => i.municipalityCode === 'GM0106')!;
    expect(assenDifference.reasons).toEqual(['tarief per inwoner EUR 0,2500 → EUR 0,2500 en EUR 0,3000 (regel 1)']);
    expect(assenDifference.differenceCents).toBeGreaterThan(0);
    // The amendment answered the same differences when it was made.
    expect(amended.body.billingImpact).toMatchObject({
      differenceCents: before.totals.differenceCents,
      notified: true,
    });
    expect(amended.body.billingImpact.items).toHaveLength(before.totals.municipalities);
    const invoicesBefore = (await numbers(`SEN-${YEAR}-%`)).length;
    const run = await waitForRun<Run>(a.vng, (await correct(a.vng, a.vng2018, { year: 2025 })).body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', totalCents: before.totals.differenceCents });
    const issued = await numbers(`SEN-${YEAR}-%`);
    expect(issued).toEqual(Array.from({ length: issued.length }, (_, i) => `SEN-${YEAR}-${seq(i + 1)}`));
    expect(issued.length - invoicesBefore).toBe(before.totals.municipalities);
    expect((await differences(a.vng)).body.totals).toMatchObject({ differenceCents: 0, municipalities: 0 });
    const docs = (await a.vng.get(`/api/v1/invoices?run=${run.id}&municipality=GM0106&limit=5`).expect(200)).body
      .items as Doc[];
    expect(docs).toEqual([expect.objectContaining({ type: 'INVOICE', totalCents: assenDifference.differenceCents })]);
    const ubl = await a.vng.get(`/api/v1/invoices/${docs[0].id}/ubl`).buffer(true).parse(asText);
    expect(await validateUbl(ubl.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
    expect(peppolLineAmountErrors(ubl.body as string)).toEqual([]);
  }, 120_000);
});
