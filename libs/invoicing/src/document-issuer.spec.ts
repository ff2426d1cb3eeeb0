import { cents } from '@wmo/domain';
import type { EventDraft, EventPublisher } from '@wmo/notifications';
import { PlatformTransaction, TenantTransaction, Transaction } from '@wmo/tenancy';
import type { DocumentPdfs } from './document-pdfs';
import { DocumentIssuer, DocumentToIssue, IssueTerms } from './document-issuer';
import type { DocumentsRepository, NewDocumentRow } from './documents.repository';
import type { InvoiceLineRepository, NewLineRow } from './invoice-line.repository';
import { emptyCustomer } from './invoicing.rules';

const TERMS: IssueTerms = {
  type: 'INVOICE',
  numberPrefix: 'SEN',
  runId: 'run-1',
  contractId: 'contract-1',
  contractingOrganisationId: 'org-vng',
  supplierId: 'org-sensoor',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  referenceDate: '2025-01-01',
  issueDate: '2026-02-01',
  dueDate: '2026-03-03',
  currency: 'EUR',
  vatCategory: 'E',
  vatRate: '0.00',
  vatExemptionReason: 'Vrijgesteld',
  paymentTermDays: 30,
  supplier: emptyCustomer('Stichting Sensoor'),
  contract: { reference: 'VNG-SEN-2018', title: 'Luisterend oor', fundingModel: 'DIRECT_INVOICE', dutyCode: 'WMO' },
};

const line = (amount: number) => ({
  municipalityCode: 'GM0106',
  description: 'Luisterend oor 2026: Assen (GM0106)',
  calculation: '69.701 inwoners x EUR 0,2500',
  inhabitants: 69_701,
  perInhabitant: '0.2500',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  days: 365,
  daysInYear: 365,
  amountCents: cents(amount),
  approximationNote: null,
  creditsLineNumber: null,
});

const document = (customer: string, code: string, amounts: number[]): DocumentToIssue => ({
  customerOrganisationId: customer,
  municipalityCode: code,
  customer: emptyCustomer(`Gemeente ${code}`),
  purchaseOrderNumber: null,
  note: null,
  credits: null,
  subtotalCents: cents(amounts.reduce((a, b) => a + b, 0)),
  vatCents: cents(0),
  lines: amounts.map(line),
});

function setUp() {
  const steps: string[] = [];
  const insertedDocuments: NewDocumentRow[] = [];
  const insertedLines: NewLineRow[] = [];
  const published: Array<{ tx: Transaction; events: EventDraft[] }> = [];
  const counters = {
    reserve: jest.fn(() => {
      steps.push('reserve');
      return Promise.resolve(41);
    }),
  };
  const documents = {
    insert: jest.fn((_tx: Transaction, _terms: unknown, rows: NewDocumentRow[]) => {
      steps.push('documents');
      insertedDocuments.push(...rows);
      return Promise.resolve(rows.map((row) => ({ id: `id-of-${row.number}`, number: row.number })));
    }),
  };
  const lines = {
    insert: jest.fn((_tx: Transaction, rows: NewLineRow[]) => {
      steps.push('lines');
      insertedLines.push(...rows);
      return Promise.resolve();
    }),
  };
  const pdfs = {
    pdf: jest.fn((_tx: Transaction, id: string, store: boolean) => {
      steps.push(`pdf ${id}${store ? ' stored' : ''}`);
      return Promise.resolve(Buffer.from(''));
    }),
  };
  const publisher = {
    publish: jest.fn((tx: Transaction, events: EventDraft[]) => {
      steps.push('publish');
      published.push({ tx, events });
      return Promise.resolve(events.length);
    }),
  };
  const issuer = new DocumentIssuer(
    counters,
    documents as unknown as DocumentsRepository,
    lines as unknown as InvoiceLineRepository,
    pdfs as unknown as DocumentPdfs,
    publisher as unknown as EventPublisher,
  );
  return { issuer, steps, counters, insertedDocuments, insertedLines, published };
}

const manager = { query: jest.fn(() => Promise.resolve([{ previous: 'false' }])) };

describe('DocumentIssuer', () => {
  it('numbers a batch consecutively from the reserved first number, in the issue year of the issuer', async () => {
    const { issuer, counters, insertedDocuments } = setUp();
    const tx = new PlatformTransaction(manager as never);
    const issued = await issuer.issue(
      tx,
      TERMS,
      [document('org-assen', 'GM0106', [100]), document('org-groningen', 'GM0014', [200])],
      { renderPdfs: false },
    );
    expect(counters.reserve).toHaveBeenCalledWith(tx, 'org-sensoor', 'INVOICE', 2026, 2);
    expect(insertedDocuments.map((d) => d.number)).toEqual(['SEN-2026-000041', 'SEN-2026-000042']);
    expect(issued).toEqual([
      { id: 'id-of-SEN-2026-000041', number: 'SEN-2026-000041' },
      { id: 'id-of-SEN-2026-000042', number: 'SEN-2026-000042' },
    ]);
  });

  it('numbers each document’s lines from 1 and keeps description and calculation apart', async () => {
    const { issuer, insertedLines } = setUp();
    await issuer.issue(
      new PlatformTransaction(manager as never),
      TERMS,
      [document('org-assen', 'GM0106', [100, 150]), document('org-groningen', 'GM0014', [200])],
      { renderPdfs: false },
    );
    expect(insertedLines.map((l) => [l.documentId, l.lineNumber, l.amountCents])).toEqual([
      ['id-of-SEN-2026-000041', 1, 100],
      ['id-of-SEN-2026-000041', 2, 150],
      ['id-of-SEN-2026-000042', 1, 200],
    ]);
    expect(insertedLines[0]).toMatchObject({
      description: 'Luisterend oor 2026: Assen (GM0106)',
      calculation: '69.701 inwoners x EUR 0,2500',
    });
  });

  it("a run's events are published in its own (platform) transaction, one per customer, after the documents", async () => {
    const { issuer, steps, published } = setUp();
    const tx = new PlatformTransaction(manager as never);
    await issuer.issue(tx, TERMS, [document('org-assen', 'GM0106', [100])], { renderPdfs: false });
    expect(steps).toEqual(['reserve', 'documents', 'lines', 'publish']);
    expect(published).toHaveLength(1);
    expect(published[0].tx).toBe(tx);
    expect(published[0].events[0]).toMatchObject({
      event: 'invoice.issued',
      organisationIds: ['org-assen'],
      data: { number: 'SEN-2026-000041', type: 'INVOICE', totalCents: 100, municipalityCode: 'GM0106' },
    });
    expect(published[0].events[0].data).not.toHaveProperty('credits');
  });

  it("a credit note's event is written as the platform inside the caller's own transaction, and its PDF stored", async () => {
    const { issuer, steps, published } = setUp();
    const tx = new TenantTransaction(
      manager as never,
      { organisationId: 'org-sensoor', roles: ['FINANCE'] } as never,
      'request-1',
    );
    const within = jest.spyOn(tx, 'unscopedWithin');
    await issuer.issue(
      tx,
      { ...TERMS, type: 'CREDIT_NOTE', runId: null },
      [{ ...document('org-assen', 'GM0106', [100]), credits: { id: 'invoice-1', number: 'SEN-2026-000001' } }],
      { renderPdfs: true },
    );
    expect(within).toHaveBeenCalledTimes(1);
    // The platform view runs on the same connection: the same EntityManager, so the same transaction.
    expect(published[0].tx).toBeInstanceOf(PlatformTransaction);
    expect(published[0].tx.manager).toBe(tx.manager);
    expect(published[0].events[0].data).toMatchObject({ type: 'CREDIT_NOTE', credits: 'SEN-2026-000001' });
    expect(steps).toEqual(['reserve', 'documents', 'lines', 'publish', 'pdf id-of-SEN-CN-2026-000041 stored']);
  });

  it('nothing to issue reserves no number', async () => {
    const { issuer, counters } = setUp();
    expect(await issuer.issue(new PlatformTransaction(manager as never), TERMS, [], { renderPdfs: false })).toEqual([]);
    expect(counters.reserve).not.toHaveBeenCalled();
  });
});
