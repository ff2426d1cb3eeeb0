import { randomUUID } from 'node:crypto';
import type { InvoiceDocumentDto, InvoiceRunDto } from '@wmo/invoicing';
import { contractId, signIn, WMO } from './demo';
import { outcome } from './http';
import { Client, listenOnce, startTestApp, TestApp, waitForRun } from './test-app';
import { sql } from './test-database';

export type Run = InvoiceRunDto;
export type Doc = InvoiceDocumentDto;

/** The VAT terms of the test contracts: exempt, or the standard 21%. */
export const VAT_EXEMPT = { vatCategory: 'E', vatExemptionReason: 'Vrijgesteld (test)' };
export const VAT_21 = { vatCategory: 'S', vatRate: '21.00' };

export const SENSOOR_IBAN = 'NL28INGB0000000001';
export const ASSEN_PO = '4500012345';
/** The sequence part of a document number: 000001. */
export const seq = (n: number) => String(n).padStart(6, '0');

/** Asks for a run of a contract; with a fresh Idempotency-Key unless one is given (null: without the header). */
export const startRun = (client: Client, contract: string, body: object, key: string | null = randomUUID()) => {
  const req = client.post(`/api/v1/contracts/${contract}/invoice-runs`);
  return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
};

export const runDocuments = async (client: Client, runId: string): Promise<Doc[]> =>
  (await client.get(`/api/v1/invoices?run=${runId}&limit=500`).expect(200)).body.items;

/** Assen's complete billing details, with a purchase order for VNG-SEN-2018 in 2025. */
export const assenBillingDetails = (vng2018: string) => ({
  oin: '00000001001589623000',
  kvkNumber: '01176040',
  invoiceAddress: { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' },
  invoiceEmail: 'facturen@assen.nl',
  purchaseOrders: [{ contractId: vng2018, year: 2025, number: ASSEN_PO }],
});

export interface AnnualRun {
  t: TestApp;
  vng: Client;
  financeAssen: Client;
  vng2018: string;
  run: Run;
  docs: Doc[];
  /** The run's document for a municipality. */
  doc(code: string): Doc;
}

/**
 * What the specs about a year's invoices start from, on a database of their own: Assen completed
 * its billing details (every other participant has only the template's made-up address), then
 * `prepare` runs (more billing details, say), then the VNG ran VNG-SEN-2018 (DIRECT_INVOICE) for
 * 2025 with Idempotency-Key run-2025: 338 invoices, COMPLETED.
 */
export async function startWithAnnualRun(prepare?: (t: TestApp) => Promise<void>): Promise<AnnualRun> {
  const t = await startTestApp();
  await listenOnce(t);
  const [vng, financeAssen] = await signIn(t, 'vng@demo.nl', 'finance.gm0106@demo.nl');
  const vng2018 = await contractId(t, 'VNG-SEN-2018');
  await financeAssen
    .put('/api/v1/municipalities/GM0106/billing-details')
    .send(assenBillingDetails(vng2018))
    .expect(200);
  await prepare?.(t);
  const started = await startRun(vng, vng2018, { year: 2025 }, 'run-2025');
  expect(outcome(started)).toMatchObject({
    status: 202,
    body: { status: 'QUEUED', period: { start: '2025-01-01', end: '2025-12-31' } },
  });
  const run = await waitForRun<Run>(vng, started.body.id);
  const docs = await runDocuments(vng, run.id);
  return { t, vng, financeAssen, vng2018, run, docs, doc: (code) => docs.find((d) => d.municipalityCode === code)! };
}

/**
 * A collective Wmo contract of the VNG with Sensoor for 2025 with one participant from `from`,
 * activated. Its term lies in the past, so it reads as ENDED (and can still be invoiced).
 */
export async function contractFor2025(
  vng: Client,
  supplier: { providerId: string; serviceId: string },
  participant: { code: string; from: string },
  terms: Record<string, unknown>,
): Promise<string> {
  const created = await vng.post('/api/v1/contracts').send({
    kind: 'COLLECTIVE',
    dutyCode: WMO,
    title: `Test ${participant.code}`,
    supplierId: supplier.providerId,
    serviceIds: [supplier.serviceId],
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    fundingModel: 'DIRECT_INVOICE',
    ...terms,
  });
  expect(created.status).toBe(201);
  expect((await vng.post(`/api/v1/contracts/${created.body.id}/participants`).send(participant)).status).toBe(201);
  expect(outcome(await vng.post(`/api/v1/contracts/${created.body.id}/activate`))).toMatchObject({
    status: 201,
    body: { status: 'ENDED' },
  });
  return created.body.id as string;
}

/**
 * The totals a list of documents carries are those of everything its filter matches, over all
 * pages: a page of one knows the sums of all (net invoiced is invoices less credit notes).
 */
export async function expectListTotals(client: Client, filter: string): Promise<void> {
  type Listed = { type: string; totalCents: number; paidCents: number; outstandingCents: number };
  const all: Listed[] = [];
  for (let page = 1; ; page++) {
    const body = (await client.get(`/api/v1/invoices?${filter}&limit=200&page=${page}`).expect(200)).body as {
      items: Listed[];
      total: number;
    };
    all.push(...body.items);
    if (all.length >= body.total) break;
  }
  const one = (await client.get(`/api/v1/invoices?${filter}&limit=1`).expect(200)).body;
  const invoices = all.filter((d) => d.type === 'INVOICE');
  const sum = (items: Listed[], pick: (d: Listed) => number) => items.reduce((total, d) => total + pick(d), 0);
  expect({ filter, total: one.total, totals: one.totals }).toEqual({
    filter,
    total: all.length,
    totals: {
      netInvoicedCents:
        sum(invoices, (d) => d.totalCents) -
        sum(
          all.filter((d) => d.type === 'CREDIT_NOTE'),
          (d) => d.totalCents,
        ),
      allocatedCents: sum(
        all.filter((d) => d.type === 'ALLOCATION_STATEMENT'),
        (d) => d.totalCents,
      ),
      paidCents: sum(invoices, (d) => d.paidCents),
      outstandingCents: sum(invoices, (d) => d.outstandingCents),
    },
  });
}

/**
 * Back to the demo's billing details: the made-up test addresses of the template (see
 * global-setup, giveTestAddresses) are removed, so only the five real town halls keep an address.
 */
export async function demoBillingDetailsOnly(t: TestApp): Promise<void> {
  await sql(t.databaseUrl, `DELETE FROM billing_details WHERE street = 'Testadres 1'`);
}
