import { randomUUID } from 'node:crypto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { pdfText } from './support/pdf-text';
import { sql } from './support/test-database';
import { Client, startTestApp, TestApp } from './support/test-app';

const PROBLEM = 'application/problem+json';
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Every object schema closed (no undocumented fields), so the published schema is checked both ways. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  return copy.properties && copy.type === 'object' ? { ...copy, additionalProperties: false } : copy;
}

/**
 * The compliance report for the council: JSON that validates against the schema the OpenAPI
 * document publishes, and a Dutch PDF checked by its text; with the year's documents and the
 * provider's national figures; only for the municipality itself and operators.
 */
describe('compliance report', () => {
  let t: TestApp;
  let assen: Client;
  let vng: Client;
  let sensoor: Client;
  let validateReport: (data: unknown) => boolean;
  let schemaErrors: () => unknown;
  let vng2018: string;

  const report = (client: Client, query: string) =>
    client.get(`/api/v1/municipalities/GM0106/compliance-report?${query}`);
  const reportText = async (client: Client, query: string) => {
    const res = await report(client, query).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return (await pdfText(res.body as Buffer)).replace(/\s+/g, ' ');
  };
  const runYear = async (contractId: string, year: number) => {
    const started = await vng
      .post(`/api/v1/contracts/${contractId}/invoice-runs`)
      .set('Idempotency-Key', randomUUID())
      .send({ year });
    expect(started.status).toBe(202);
    for (let i = 0; i < 300; i++) {
      const run = await vng.get(`/api/v1/invoice-runs/${started.body.id}`).expect(200);
      if (run.body.status === 'COMPLETED') return run.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('run did not complete');
  };

  beforeAll(async () => {
    t = await startTestApp();
    [assen, vng, sensoor] = await Promise.all([
      t.as('officer.gm0106@demo.nl'),
      t.as('vng@demo.nl'),
      t.as('sensoor@demo.nl'),
    ]);
    [{ id: vng2018 }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2018'`,
    );
    const doc = (await vng.get('/api/docs-json').expect(200)).body;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: closed(doc.components) });
    const validate = ajv.compile({ $ref: 'openapi#/components/schemas/ComplianceReportDto' });
    validateReport = (data) => validate(data);
    schemaErrors = () => validate.errors;
  }, 120_000);
  afterAll(() => t?.close());

  it('the JSON report of 2025 validates against ComplianceReportDto in the OpenAPI document and says: COMPLIANT, EUR 17,425.25, Sensoor 253,777 conversations in 2016', async () => {
    const res = await report(assen, 'year=2025&format=json');
    expect(res.status).toBe(200);
    expect(validateReport(res.body) ? [] : schemaErrors()).toEqual([]);
    expect(res.body).toMatchObject({
      municipality: { code: 'GM0106', name: 'Assen' },
      year: 2025,
      status: 'COMPLIANT',
      legalBasis: { article: 'art. 2.2.4 lid 1 onder b Wmo 2015' },
      obligation: {
        duty: { code: 'WMO2015_2_2_4_1B' },
        cost: { year: 2025, amountCents: 1742525, totalCents: 1742525 },
        gaps: { days: [], weekly: [], dated: [] },
      },
      documents: [],
      serviceFigures: [{ providerName: 'Stichting Sensoor', year: 2016, totalConversations: 253777 }],
    });
    expect(res.body.obligation.coverage.map((c: { contract: { reference: string } }) => c.contract.reference)).toEqual([
      'VNG-SEN-2018',
    ]);
  });

  it('a schema check that can fail: a report without its status or with an unknown field does not validate', async () => {
    const { body } = await report(assen, 'year=2025&format=json').expect(200);
    const { status: _status, ...withoutStatus } = body;
    expect(validateReport(withoutStatus)).toBe(false);
    expect(validateReport({ ...body, perMunicipalityCalls: 12 })).toBe(false);
  });

  it('after the 2025 run and a payment, the report lists the invoice as PAID with its totals', async () => {
    await runYear(vng2018, 2025);
    const [invoice] = (await vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await sensoor
      .post(`/api/v1/invoices/${invoice.id}/payments`)
      .send({ amountCents: 1742525, date: today, reference: 'Bankafschrift 1' })
      .expect(201);
    const res = await report(assen, 'year=2025&format=json').expect(200);
    expect(validateReport(res.body) ? [] : schemaErrors()).toEqual([]);
    expect(res.body.documents).toEqual([
      expect.objectContaining({
        number: invoice.number,
        type: 'INVOICE',
        totalCents: 1742525,
        paidCents: 1742525,
        status: 'PAID',
        contractReference: 'VNG-SEN-2018',
        period: { from: '2025-01-01', to: '2025-12-31' },
      }),
    ]);
    expect(res.body.documentTotals).toEqual({
      invoicedCents: 1742525,
      allocatedCents: 0,
      paidCents: 1742525,
      outstandingCents: 0,
    });
  });

  it('the PDF of 2025, in Dutch: legal basis, verdict, coverage, channels and hours, cost, the paid invoice and the national figures', async () => {
    const [invoice] = (await vng.get('/api/v1/invoices?municipality=GM0106&type=INVOICE').expect(200)).body.items;
    const text = await reportText(assen, 'year=2025');
    for (const expected of [
      'Verantwoording anoniem luisterend oor en advies 2025',
      'Gemeente Assen (GM0106)',
      'op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies beschikbaar te stellen',
      'art. 2.2.4 lid 1 onder b Wmo 2015',
      'Voldoet aan de plicht over 2025',
      'VNG-SEN-2018',
      'Stichting Sensoor',
      'Factuur van de aanbieder aan de gemeente',
      '0900-0767',
      'dag en nacht, elke dag',
      'ma t/m zo 09:00-22:00',
      '69.701 inwoners x EUR 0,2500',
      'EUR 17.425,25',
      invoice.number,
      'Betaald',
      '253.777 gesprekken',
      'nooit per gemeente',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("the 2016 report shows the allocation statement (fund withholding) and the 2016 figures as that year's own", async () => {
    const [{ id: vng2015 }] = await sql<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM contract WHERE reference = 'VNG-SEN-2015'`,
    );
    await runYear(vng2015, 2016);
    const res = await report(assen, 'year=2016&format=json').expect(200);
    expect(res.body.documents).toEqual([
      expect.objectContaining({ type: 'ALLOCATION_STATEMENT', contractReference: 'VNG-SEN-2015' }),
    ]);
    expect(res.body.documentTotals.allocatedCents).toBe(res.body.documents[0].totalCents);
    expect(res.body.documentTotals.allocatedCents).toBe(res.body.obligation.cost.totalCents);
    const text = await reportText(assen, 'year=2016');
    expect(text).toContain('Uitname uit het gemeentefonds');
    expect(text).toContain('Stichting Sensoor, 2016: 253.777 gesprekken');
  });

  it('a year with a gap: the report says NON_COMPLIANT and names the days without a contract', async () => {
    await vng.delete(`/api/v1/contracts/${vng2018}/participants/GM0106?endDate=2026-06-30`).expect(200);
    const res = await report(assen, 'year=2026&format=json').expect(200);
    expect(res.body).toMatchObject({
      status: 'NON_COMPLIANT',
      obligation: { gaps: { days: [{ from: '2026-07-01', to: '2026-12-31', days: 184 }] } },
    });
    const text = await reportText(assen, 'year=2026');
    expect(text).toContain('Voldoet niet aan de plicht over 2026');
    expect(text).toContain('Zonder contract: 01-07-2026 t/m 31-12-2026 (184 dagen)');
  });

  it('only the municipality itself and operators: the VNG, another municipality and a provider get 404; the operator 200', async () => {
    const groningen = await t.as('officer.gm0014@demo.nl');
    for (const client of [vng, groningen, sensoor]) {
      const res = await report(client, 'year=2025&format=json');
      expect([res.status, res.headers['content-type']]).toEqual([404, expect.stringContaining(PROBLEM)]);
    }
    expect((await report(await t.as('operator@demo.nl'), 'year=2025&format=json')).status).toBe(200);
  });

  it.each([
    ['', 'year'],
    ['year=1899', 'year'],
    ['year=2025&format=xml', 'format'],
    ['year=2025&duty=wmo', 'duty'],
    ['year=2025&colour=red', 'colour'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await report(assen, query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain(PROBLEM);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
