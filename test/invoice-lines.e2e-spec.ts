import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { postContract } from './support/contracts';
import { pdfText } from './support/pdf-text';
import { sql } from './support/test-database';
import { Client, TestApp, startTestApp, waitForRun } from './support/test-app';

/**
 * `invoice_line.calculation` has its own column for lines issued since it exists; lines issued
 * before packed it into `description` as `description | calculation`, and issued rows are never
 * updated. An old-form document (inserted here as the database superuser, as the old code left
 * them) must answer exactly as the same document issued today: in the API, its PDF and its UBL,
 * and when it is credited.
 */
const WMO = 'WMO2015_2_2_4_1B';
const ASSEN = 'GM0106';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Line {
  lineNumber: number;
  description: string;
  calculation: string;
  amountCents: number;
  inhabitants: number;
  days: number;
}
interface Doc {
  id: string;
  type: string;
  number: string;
  totalCents: number;
  lines: Line[];
  credits: { id: string; number: string } | null;
}

describe('invoice lines in the old form (description | calculation) and the new form (calculation apart)', () => {
  let t: TestApp;
  let vng: Client;
  let sensoor: Client;
  let operator: Client;
  let fresh: Doc;
  let old: Doc;
  let oldNumber: string;

  beforeAll(async () => {
    t = await startTestApp();
    [vng, sensoor, operator] = await Promise.all(
      ['vng@demo.nl', 'sensoor@demo.nl', 'operator@demo.nl'].map((email) => t.as(email)),
    );
    // Assen alone on a 2025 contract of Sensoor with 21% VAT and complete billing details (an e-invoice is possible).
    const providers = (await vng.get('/api/v1/providers').expect(200)).body as Array<{ id: string; legalName: string }>;
    const supplierId = providers.find((p) => p.legalName === 'Stichting Sensoor')!.id;
    const serviceId = (await vng.get(`/api/v1/providers/${supplierId}/services`).expect(200)).body.find(
      (s: { dutyCode: string }) => s.dutyCode === WMO,
    ).id as string;
    const [{ id: vng2018 }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2018'`,
    );
    const contract = (
      await postContract(vng, {
        title: 'Luisterend oor 2025 (regeltest)',
        supplierId,
        serviceIds: [serviceId],
        endDate: '2025-12-31',
        vatCategory: 'S',
        vatRate: '21.00',
        tariffs: [
          { perInhabitant: '0.2500', validFrom: '2025-01-01', validTo: '2025-06-30' },
          { perInhabitant: '0.2600', validFrom: '2025-07-01' },
        ],
      }).expect(201)
    ).body as { id: string };
    await vng.delete(`/api/v1/contracts/${vng2018}/participants/${ASSEN}?endDate=2024-12-31`).expect(200);
    await vng
      .post(`/api/v1/contracts/${contract.id}/participants`)
      .send({ code: ASSEN, from: '2025-01-01' })
      .expect(201);
    await operator
      .put(`/api/v1/municipalities/${ASSEN}/billing-details`)
      .send({
        oin: '00000001001234567000',
        invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
        invoiceEmail: 'facturen@assen.nl',
        purchaseOrders: [{ contractId: contract.id, year: 2025, number: '4500012345' }],
      })
      .expect(200);
    await vng.post(`/api/v1/contracts/${contract.id}/activate`).expect(201);
    const started = await vng
      .post(`/api/v1/contracts/${contract.id}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 })
      .expect(202);
    expect(await waitForRun(vng, started.body.id)).toMatchObject({ status: 'COMPLETED' });
    [fresh] = (await sensoor.get(`/api/v1/invoices?run=${started.body.id}`).expect(200)).body.items as Doc[];

    // The same invoice as the old code issued it: another id and number, no run, its lines packed.
    oldNumber = fresh.number.replace(/\d{6}$/, '999999');
    const [{ id }] = await sql<{ id: string }>(
      t.databaseUrl,
      `INSERT INTO invoice_document (type, number, run_id, contract_id, contracting_organisation_id, supplier_id, customer_organisation_id,
                                     municipality_code, credited_document_id, period_start, period_end, reference_date, issue_date, due_date,
                                     currency, subtotal_cents, vat_cents, total_cents, vat_category, vat_rate, vat_exemption_reason,
                                     purchase_order_number, payment_term_days, note, supplier_snapshot, customer_snapshot, contract_snapshot)
       SELECT type, $2, NULL, contract_id, contracting_organisation_id, supplier_id, customer_organisation_id,
              municipality_code, credited_document_id, period_start, period_end, reference_date, issue_date, due_date,
              currency, subtotal_cents, vat_cents, total_cents, vat_category, vat_rate, vat_exemption_reason,
              purchase_order_number, payment_term_days, note, supplier_snapshot, customer_snapshot, contract_snapshot
         FROM invoice_document WHERE id = $1
       RETURNING id`,
      [fresh.id, oldNumber],
    );
    await sql(
      t.databaseUrl,
      `INSERT INTO invoice_line (document_id, line_number, municipality_code, description, calculation, inhabitants, per_inhabitant,
                                 period_start, period_end, days, days_in_year, amount_cents, approximation_note, credits_line_number)
       SELECT $2, line_number, municipality_code, description || ' | ' || calculation, NULL, inhabitants, per_inhabitant,
              period_start, period_end, days, days_in_year, amount_cents, approximation_note, credits_line_number
         FROM invoice_line WHERE document_id = $1`,
      [fresh.id, id],
    );
    old = (await sensoor.get(`/api/v1/invoices/${id}`).expect(200)).body as Doc;
  }, 120_000);
  afterAll(() => t?.close());

  /** The document's own number, replaced, so that two documents can be compared as a whole. */
  const withoutNumber = (text: string, number: string) => text.split(number).join('<number>');

  it('a line issued today keeps description and calculation apart in their own columns', async () => {
    const stored = await sql<{ description: string; calculation: string | null }>(
      t.databaseUrl,
      `SELECT description, calculation FROM invoice_line WHERE document_id = $1 ORDER BY line_number`,
      [fresh.id],
    );
    expect(stored).toEqual([
      {
        description:
          'Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-01-2025 t/m 30-06-2025: Assen (GM0106)',
        calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
      },
      {
        description:
          'Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-07-2025 t/m 31-12-2025: Assen (GM0106)',
        calculation: '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2600 x 184/365 dagen',
      },
    ]);
  });

  it('GET /invoices/{id} shows the old-form lines with the same description and calculation as the new-form ones', () => {
    expect(old.lines).toEqual(fresh.lines);
    expect(old.lines.map((l) => [l.description, l.calculation])).toEqual([
      [
        'Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-01-2025 t/m 30-06-2025: Assen (GM0106)',
        '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
      ],
      [
        'Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-07-2025 t/m 31-12-2025: Assen (GM0106)',
        '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2600 x 184/365 dagen',
      ],
    ]);
  });

  it('the PDF of the old-form document reads exactly as that of the new-form one', async () => {
    const text = async (doc: Doc) =>
      withoutNumber(
        await pdfText(
          (await sensoor.get(`/api/v1/invoices/${doc.id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer,
        ),
        doc.number,
      );
    const [oldText, freshText] = [await text(old), await text(fresh)];
    expect(oldText).toBe(freshText);
    expect(oldText.replace(/\s+/g, ' ')).toContain(
      'Assen (GM0106) 69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
    );
  });

  it('the UBL of the old-form document is that of the new-form one, line for line (apart from the number and the embedded PDF)', async () => {
    const xml = async (doc: Doc) =>
      withoutNumber(
        ((await sensoor.get(`/api/v1/invoices/${doc.id}/ubl`).buffer(true).parse(binary).expect(200)).body as Buffer)
          .toString('utf8')
          .replace(/(<cbc:EmbeddedDocumentBinaryObject[^>]*>)[^<]*/, '$1'),
        doc.number,
      );
    const [oldXml, freshXml] = [await xml(old), await xml(fresh)];
    expect(oldXml).toBe(freshXml);
    expect(oldXml).toContain(
      '<cbc:Description>69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2600 x 184/365 dagen</cbc:Description>',
    );
    expect(oldXml).toContain(
      '<cbc:Name>Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-07-2025 t/m 31-12-2025: Assen (GM0106)</cbc:Name>',
    );
  });

  it('crediting an old-form line names it as crediting the same line in the new form does', async () => {
    const credit = async (doc: Doc) =>
      (
        await sensoor
          .post(`/api/v1/invoices/${doc.id}/credit-notes`)
          .send({
            reason: 'Regeltest',
            lines: [
              { lineNumber: 1, amountCents: doc.lines[0].amountCents },
              { lineNumber: 2, amountCents: 100 },
            ],
          })
          .expect(201)
      ).body as Doc;
    const [fromOld, fromFresh] = [await credit(old), await credit(fresh)];
    expect(fromOld.lines.map((l) => [withoutNumber(l.description, oldNumber), l.calculation])).toEqual(
      fromFresh.lines.map((l) => [withoutNumber(l.description, fresh.number), l.calculation]),
    );
    expect(fromFresh.lines.map((l) => [l.description, l.calculation])).toEqual([
      [
        `Creditering ${fresh.number} regel 1: Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-01-2025 t/m 30-06-2025: Assen (GM0106)`,
        '69.701 inwoners (CBS, peildatum 01-01-2024) x EUR 0,2500 x 181/365 dagen',
      ],
      [
        `Creditering ${fresh.number} regel 2: Anoniem luisterend oor en advies (art. 2.2.4 lid 1 onder b Wmo 2015) 01-07-2025 t/m 31-12-2025: Assen (GM0106)`,
        'gedeeltelijk: EUR 1,00 van EUR 9.135,61',
      ],
    ]);
    // The credit note's own lines are stored in the new form.
    expect(
      await sql(
        t.databaseUrl,
        `SELECT count(*)::int AS n FROM invoice_line WHERE document_id = $1 AND calculation IS NULL`,
        [fromOld.id],
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("a credit note's invoice.issued for the customer is written in the credit note's own transaction", async () => {
    // Assen's endpoint, which Sensoor (the issuer, crediting) cannot see.
    const [{ organisationId }] = await sql<{ organisationId: string }>(
      t.databaseUrl,
      `SELECT id AS "organisationId" FROM organisation WHERE municipality_code = $1`,
      [ASSEN],
    );
    await sql(
      t.databaseUrl,
      `INSERT INTO webhook_subscription (organisation_id, url, events, secret, active)
       VALUES ($1, 'http://127.0.0.1:9/assen', ARRAY['invoice.issued'], 'whsec_dGVzdHRlc3R0ZXN0dGVzdHRlc3R0ZXN0dGVzdA==', true)`,
      [organisationId],
    );
    const creditNote = (
      await sensoor.post(`/api/v1/invoices/${fresh.id}/credit-notes`).send({ reason: 'Restant' }).expect(201)
    ).body as Doc;
    // Committed with the credit note: there as soon as the request is answered.
    const deliveries = await sql<{ organisation_id: string; payload: { type: string; data: Record<string, unknown> } }>(
      t.databaseUrl,
      `SELECT organisation_id, payload FROM webhook_delivery WHERE event = 'invoice.issued' AND payload->'data'->>'id' = $1`,
      [creditNote.id],
    );
    expect(deliveries).toEqual([
      {
        organisation_id: organisationId,
        payload: expect.objectContaining({
          type: 'invoice.issued',
          data: expect.objectContaining({
            number: creditNote.number,
            type: 'CREDIT_NOTE',
            credits: fresh.number,
            municipalityCode: ASSEN,
            totalCents: creditNote.totalCents,
          }),
        }),
      },
    ]);
  });
});
