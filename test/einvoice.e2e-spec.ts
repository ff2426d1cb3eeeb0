import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { postContract } from './support/contracts';
import { asText } from './support/http';
import { peppolLineAmountErrors, validateUbl } from './support/einvoice';
import { sql } from './support/test-database';
import { Client, TestApp, startTestApp, waitForRun } from './support/test-app';

/**
 * Every e-invoice of a run, checked against rule sets this project did not write: the OASIS UBL
 * 2.1 schemas, the CEN EN 16931 rules and the Dutch SI-UBL 2.0 (NLCIUS) rules, kept in
 * test/fixtures/einvoice (see its README for where each file came from).
 */
const WMO = 'WMO2015_2_2_4_1B';
const NLCIUS = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0';
const PEPPOL = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const SENSOOR_IBAN = 'NL28INGB0000000001';
/** The four municipalities of the small run, with their invoice addresses. */
const PARTICIPANTS: Record<string, { street: string; postalCode: string; city: string }> = {
  GM0014: { street: 'Kreupelstraat 1', postalCode: '9712 HW', city: 'Groningen' },
  GM0034: { street: 'Stadhuisplein 1', postalCode: '1315 HR', city: 'Almere' },
  GM0106: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
  GM1680: { street: 'Spoorlaan 6', postalCode: '9461 AG', city: 'Gieten' },
};
const oinOf = (code: string) => `0000000100${code.slice(2)}000000`;
const poOf = (code: string) => `PO-2025-${code}`;

const outcome = (res: Response) => ({ status: res.status, body: res.body });

interface Doc {
  id: string;
  type: string;
  number: string;
  municipalityCode: string;
  totalCents: number;
  vatCents: number;
  vatCategory: string;
}

describe('e-invoices of a run validate against UBL 2.1, EN 16931 and SI-UBL 2.0', () => {
  let t: TestApp;
  let vng: Client;
  let sensoor: Client;
  let operator: Client;
  let contractId: string;
  let runGaps: unknown[];
  let invoices: Doc[];
  let creditNotes: Doc[];
  let utrecht: Doc;
  let amsterdam: { doc: Doc; gaps: Array<{ code: string; missing: string[] }> };

  /** Runs a contract for 2025 and returns the run and its documents. */
  const run2025 = async (client: Client, id: string) => {
    const started = await client
      .post(`/api/v1/contracts/${id}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year: 2025 });
    expect(started.status).toBe(202);
    const run = await waitForRun<{ id: string; status: string; gaps: Array<{ code: string; missing: string[] }> }>(
      client,
      started.body.id,
    );
    expect(run.status).toBe('COMPLETED');
    return {
      run,
      docs: (await client.get(`/api/v1/invoices?run=${run.id}&limit=500`).expect(200)).body.items as Doc[],
    };
  };
  const contractOf = async (reference: string) =>
    (await sql<{ id: string }>(t.databaseUrl, `SELECT id FROM contract WHERE reference = $1`, [reference]))[0].id;
  const ubl = (client: Client, id: string, profile = 'nlcius') =>
    client.get(`/api/v1/invoices/${id}/ubl?profile=${profile}`).buffer(true).parse(asText);
  const details = (code: string, contract: string, address = PARTICIPANTS[code]) => ({
    oin: oinOf(code),
    kvkNumber: `5${code.slice(2)}000`,
    invoiceAddress: address,
    invoiceEmail: `facturen.${code.toLowerCase()}@example.nl`,
    purchaseOrders: [{ contractId: contract, year: 2025, number: poOf(code) }],
  });

  beforeAll(async () => {
    t = await startTestApp();
    [vng, sensoor, operator] = await Promise.all(
      ['vng@demo.nl', 'sensoor@demo.nl', 'operator@demo.nl'].map((email) => t.as(email)),
    );
    const providers = (await vng.get('/api/v1/providers').expect(200)).body as Array<{
      id: string;
      legalName: string;
    }>;
    const supplierId = providers.find((p) => p.legalName === 'Stichting Sensoor')!.id;
    const serviceId = (await vng.get(`/api/v1/providers/${supplierId}/services`).expect(200)).body.find(
      (s: { dutyCode: string }) => s.dutyCode === WMO,
    ).id;

    // A small collective contract for 2025 with VAT (S, 21%): its four participants leave VNG-SEN-2018 first.
    const vng2018 = await contractOf('VNG-SEN-2018');
    const created = await postContract(vng, {
      title: 'Luisterend oor 2025 (e-factuurtest)',
      supplierId,
      serviceIds: [serviceId],
      endDate: '2025-12-31',
      vatCategory: 'S',
      vatRate: '21.00',
      tariffs: [{ perInhabitant: '0.2500', validFrom: '2025-01-01' }],
    });
    expect(created.status).toBe(201);
    contractId = created.body.id;
    for (const code of Object.keys(PARTICIPANTS)) {
      expect((await vng.delete(`/api/v1/contracts/${vng2018}/participants/${code}?endDate=2024-12-31`)).status).toBe(
        200,
      );
      expect(
        (await vng.post(`/api/v1/contracts/${contractId}/participants`).send({ code, from: '2025-01-01' })).status,
      ).toBe(201);
      await operator.put(`/api/v1/municipalities/${code}/billing-details`).send(details(code, contractId)).expect(200);
    }
    expect((await vng.post(`/api/v1/contracts/${contractId}/activate`)).status).toBe(201);
    const small = await run2025(vng, contractId);
    runGaps = small.run.gaps;
    invoices = small.docs;
    const byCode = (code: string) => invoices.find((d) => d.municipalityCode === code)!;
    // One partial and one full credit note.
    const partial = await sensoor
      .post(`/api/v1/invoices/${byCode('GM0014').id}/credit-notes`)
      .send({ reason: 'Inwonertal gecorrigeerd', lines: [{ lineNumber: 1, amountCents: 100012 }] });
    const full = await sensoor
      .post(`/api/v1/invoices/${byCode('GM1680').id}/credit-notes`)
      .send({ reason: 'Dubbel gefactureerd' });
    expect([partial.status, full.status]).toEqual([201, 201]);
    creditNotes = [partial.body, full.body];

    // VAT-exempt (E): Utrecht's own contract, with complete details; Amsterdam's, without any.
    const utrechtContract = await contractOf('GM0344-LUISTEREND-OOR');
    await operator
      .put('/api/v1/municipalities/GM0344/billing-details')
      .send(details('GM0344', utrechtContract, { street: 'Stadsplateau 1', postalCode: '3521 AZ', city: 'Utrecht' }))
      .expect(200);
    [utrecht] = (await run2025(operator, utrechtContract)).docs;
    const ams = await run2025(operator, await contractOf('GM0363-LUISTEREND-OOR'));
    amsterdam = { doc: ams.docs[0], gaps: ams.run.gaps };
  }, 120_000);
  afterAll(() => t?.close());

  it('the small run issued four S 21% invoices with complete billing details (no gaps) and two credit notes', () => {
    expect(invoices.map((d) => d.municipalityCode).sort()).toEqual(Object.keys(PARTICIPANTS));
    expect(runGaps).toEqual([]);
    expect(invoices.every((d) => d.type === 'INVOICE' && d.vatCategory === 'S')).toBe(true);
    // Groningen: 243,768 x 0.25 = 60942.00; 21% VAT = 12797.82.
    expect(invoices.find((d) => d.municipalityCode === 'GM0014')).toMatchObject({
      totalCents: 6094200 + 1279782,
      vatCents: 1279782,
    });
    // 100012 x 21% = 21002.52 -> 21003 cents VAT.
    expect(creditNotes[0]).toMatchObject({
      type: 'CREDIT_NOTE',
      subtotalCents: 100012,
      vatCents: 21003,
      totalCents: 121015,
    });
    expect(creditNotes[1]).toMatchObject({
      type: 'CREDIT_NOTE',
      totalCents: invoices.find((d) => d.municipalityCode === 'GM1680')!.totalCents,
    });
  });

  it('every invoice and credit note of the run, as NLCIUS, passes the UBL 2.1 XSD, EN 16931 and SI-UBL 2.0 with no error', async () => {
    for (const document of [...invoices, ...creditNotes]) {
      const res = await ubl(sensoor, document.id);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/xml');
      // The first call compiles the rule sets (about 40 s, once).
      const report = await validateUbl(res.body as string);
      expect({ number: document.number, ...report, peppolR120: peppolLineAmountErrors(res.body as string) }).toEqual({
        number: document.number,
        xsd: [],
        en16931: [],
        nlcius: [],
        peppolR120: [],
      });
    }
  }, 300_000);

  /** A document's e-invoice lines, each as its XML. */
  const ublLines = async (document: Doc) => {
    const xml = (await ubl(sensoor, document.id)).body as string;
    return [...xml.matchAll(/<cac:(InvoiceLine|CreditNoteLine)>[\s\S]*?<\/cac:\1>/g)].map((m) => m[0]);
  };

  it("a line states what was billed: Assen's 69,701 inhabitants as the quantity and EUR 0.2500 per inhabitant as the price, EUR 17,425.25", async () => {
    const [line, ...others] = await ublLines(invoices.find((d) => d.municipalityCode === 'GM0106')!);
    expect(others).toEqual([]);
    expect(line).toMatch(
      new RegExp(
        [
          '<cac:InvoiceLine>',
          '<cbc:ID>1</cbc:ID>',
          '<cbc:InvoicedQuantity unitCode="C62">69701</cbc:InvoicedQuantity>',
          '<cbc:LineExtensionAmount currencyID="EUR">17425.25</cbc:LineExtensionAmount>',
        ].join('\\s*'),
      ),
    );
    expect(line).toMatch(/<cac:Price>\s*<cbc:PriceAmount currencyID="EUR">0.2500<\/cbc:PriceAmount>\s*<\/cac:Price>/);
    // A whole year: nothing to deduct.
    expect(line).not.toContain('<cac:AllowanceCharge>');
    // The restated Peppol rule is not vacuous: one inhabitant fewer is EUR 0.25 off.
    expect(peppolLineAmountErrors(line.replace('>69701<', '>69700<'))).toEqual([
      expect.stringMatching(/^\[PEPPOL-EN16931-R120\] line 1: 17425.25 is not 69700 x 0.25 /),
    ]);
  });

  it("a credit note crediting a line in full says the same as the line (Aa en Hunze's 25,845 x EUR 0.2500); one crediting EUR 1,000.12 of a line is quantity 1 at that amount", async () => {
    const [full] = await ublLines(creditNotes[1]);
    expect(full).toContain('<cbc:CreditedQuantity unitCode="C62">25845</cbc:CreditedQuantity>');
    expect(full).toContain('<cbc:LineExtensionAmount currencyID="EUR">6461.25</cbc:LineExtensionAmount>');
    expect(full).toContain('<cbc:PriceAmount currencyID="EUR">0.2500</cbc:PriceAmount>');
    // How many inhabitants or days EUR 1,000.12 stands for is not stored, so it is not claimed.
    const [part] = await ublLines(creditNotes[0]);
    expect(part).toContain('<cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>');
    expect(part).toContain('<cbc:LineExtensionAmount currencyID="EUR">1000.12</cbc:LineExtensionAmount>');
    expect(part).toContain('<cbc:PriceAmount currencyID="EUR">1000.12</cbc:PriceAmount>');
    expect(part).not.toContain('<cac:AllowanceCharge>');
  });

  it('the invoice carries the OIN (0190), the purchase order as BuyerReference, the KvK (0106), the IBAN, VAT S 21% and the PDF', async () => {
    const groningen = invoices.find((d) => d.municipalityCode === 'GM0014')!;
    const xml = (await ubl(sensoor, groningen.id)).body as string;
    expect(xml).toContain(`<cbc:CustomizationID>${NLCIUS}</cbc:CustomizationID>`);
    expect(xml).toContain(`<cbc:ID>${groningen.number}</cbc:ID>`);
    expect(xml).toContain(`<cbc:EndpointID schemeID="0190">${oinOf('GM0014')}</cbc:EndpointID>`);
    expect(xml).toContain('<cbc:EndpointID schemeID="0106">90000001</cbc:EndpointID>');
    expect(xml).toContain(`<cbc:BuyerReference>${poOf('GM0014')}</cbc:BuyerReference>`);
    expect(xml).toContain(`<cbc:ID>${SENSOOR_IBAN}</cbc:ID>`);
    expect(xml).toMatch(/<cbc:ID>S<\/cbc:ID>\s*<cbc:Percent>21<\/cbc:Percent>/);
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">73739.82</cbc:PayableAmount>');
    const pdf = /<cbc:EmbeddedDocumentBinaryObject[^>]*mimeCode="application\/pdf"[^>]*>([^<]+)</.exec(xml);
    expect(Buffer.from(pdf![1], 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the validation is not vacuous: the same invoice without its BuyerReference fails SI-UBL rule BR-NL-2', async () => {
    const xml = (await ubl(sensoor, invoices[0].id)).body as string;
    const report = await validateUbl(xml.replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, ''));
    expect(report).toEqual({ xsd: [], en16931: [], nlcius: [expect.stringMatching(/^\[BR-NL-2\]/)] });
  }, 300_000);

  it('a credit note is a UBL CreditNote (381) referring to the invoice it corrects', async () => {
    const xml = (await ubl(sensoor, creditNotes[0].id)).body as string;
    expect(xml).toContain('<CreditNote');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    const invoice = invoices.find((d) => d.municipalityCode === 'GM0014')!;
    expect(xml).toMatch(new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${invoice.number}</cbc:ID>`));
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">1210.15</cbc:PayableAmount>');
  });

  it('the Peppol BIS Billing 3.0 profile passes the XSD and EN 16931', async () => {
    const res = await ubl(sensoor, invoices[0].id, 'peppol');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<cbc:CustomizationID>${PEPPOL}</cbc:CustomizationID>`);
    const report = await validateUbl(res.body as string);
    // The Peppol rule files are not among the rule sets the project has: its line rule R120 is restated.
    expect({
      xsd: report.xsd,
      en16931: report.en16931,
      peppolR120: peppolLineAmountErrors(res.body as string),
    }).toEqual({
      xsd: [],
      en16931: [],
      peppolR120: [],
    });
  }, 300_000);

  it("a VAT-exempt (E) invoice (Utrecht's own contract) passes all three with its exemption reason", async () => {
    expect(utrecht).toMatchObject({ type: 'INVOICE', vatCategory: 'E', vatCents: 0, municipalityCode: 'GM0344' });
    const res = await ubl(operator, utrecht.id);
    expect(res.status).toBe(200);
    expect(res.body).toContain(
      '<cbc:TaxExemptionReason>Vrijgesteld van btw, maatschappelijke dienstverlening (illustratief)</cbc:TaxExemptionReason>',
    );
    expect(await validateUbl(res.body as string)).toEqual({ xsd: [], en16931: [], nlcius: [] });
  }, 300_000);

  it("an invoice whose customer (Amsterdam, with the demo's town-hall address) has no OIN answers 422 e-invoice-incomplete; its run lists the gap", async () => {
    expect(amsterdam.gaps).toEqual([{ code: 'GM0363', missing: ['oin', 'invoiceEmail', 'purchaseOrderNumber'] }]);
    const res = await operator.get(`/api/v1/invoices/${amsterdam.doc.id}/ubl?profile=nlcius`);
    expect(outcome(res)).toMatchObject({ status: 422, body: { type: '/problems/e-invoice-incomplete' } });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.gaps).toEqual([expect.stringContaining('OIN')]);
    expect(res.body.missing).toEqual(['customer-identifier']);
    // The PDF is there all the same.
    expect((await operator.get(`/api/v1/invoices/${amsterdam.doc.id}/pdf`).buffer(true).parse(asText)).status).toBe(
      200,
    );
  });

  it('an unknown profile is a 400 naming profile', async () => {
    const res = await sensoor.get(`/api/v1/invoices/${invoices[0].id}/ubl?profile=xrechnung`);
    expect(outcome(res)).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'profile' })] },
    });
  });
});
