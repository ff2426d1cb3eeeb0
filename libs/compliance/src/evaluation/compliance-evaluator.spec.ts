import type { OrganisationDirectory } from '@wmo/identity';
import type { InvoicingReader } from '@wmo/invoicing';
import type { EventPublisher, NotificationDraft } from '@wmo/notifications';
import type { UnscopedDatabase } from '@wmo/tenancy';
import type { CoverageSnapshots } from '../coverage-snapshot';
import { OVERDUE_INVOICE, UNCOVERED, WMO } from '../testing/fixtures';
import { ComplianceEvaluator } from './compliance-evaluator';
import type { ObligationStateRow } from './evaluation.repository';

const DAY = '2025-10-02';
// Nobody covered (UNCOVERED): Assen and Coevorden both NON_COMPLIANT on the day; inv-1 to Assen is overdue.

function setUp(options: { claimed?: boolean; states?: ObligationStateRow[]; alreadyNotified?: string[] } = {}) {
  const tx = { manager: {} };
  const unscoped = { unscopedSystemTransaction: jest.fn((work: (t: typeof tx) => Promise<unknown>) => work(tx)) };
  const evaluations = {
    lock: jest.fn(() => Promise.resolve()),
    claim: jest.fn(() => Promise.resolve(options.claimed ?? true)),
    states: jest.fn(() => Promise.resolve(options.states ?? [])),
    saveStates: jest.fn(() => Promise.resolve()),
    finish: jest.fn(() => Promise.resolve()),
  };
  const snapshots = { load: jest.fn(() => Promise.resolve(UNCOVERED)), costBasis: jest.fn() };
  const organisations = {
    municipalityOrganisations: jest.fn(() =>
      Promise.resolve([{ id: 'org-assen', kind: 'MUNICIPALITY', name: 'Gemeente Assen', municipalityCode: 'GM0106' }]),
    ),
    associations: jest.fn(() =>
      Promise.resolve([{ id: 'org-vng', kind: 'ASSOCIATION', name: 'VNG', municipalityCode: null }]),
    ),
  };
  const invoicing = { overdueInvoices: jest.fn(() => Promise.resolve([OVERDUE_INVOICE])) };
  const publisher = {
    notify: jest.fn((_tx: unknown, drafts: NotificationDraft[]) =>
      Promise.resolve(drafts.filter((d) => !(options.alreadyNotified ?? []).includes(d.dedupeKey))),
    ),
    publish: jest.fn((_tx: unknown, events: unknown[]) => Promise.resolve(events.length)),
  };
  const evaluator = new ComplianceEvaluator(
    unscoped as unknown as UnscopedDatabase,
    evaluations,
    snapshots as unknown as CoverageSnapshots,
    organisations as unknown as OrganisationDirectory,
    invoicing as unknown as InvoicingReader,
    publisher as unknown as EventPublisher,
  );
  return { evaluator, tx, evaluations, snapshots, invoicing, publisher };
}

describe('the daily evaluation', () => {
  it('a day evaluated already is not judged again', async () => {
    const { evaluator, evaluations, snapshots, publisher } = setUp({ claimed: false });
    expect(await evaluator.evaluate(DAY, false)).toEqual({
      day: DAY,
      evaluated: false,
      obligations: 0,
      changes: 0,
      notifications: 0,
      webhookDeliveries: 0,
    });
    expect(evaluations.lock).toHaveBeenCalled();
    expect(evaluations.claim).toHaveBeenCalledWith(expect.anything(), DAY, false);
    expect(snapshots.load).not.toHaveBeenCalled();
    expect(publisher.notify).not.toHaveBeenCalled();
  });

  it('judges statuses only, in one platform transaction: no cost and no CBS figures', async () => {
    const { evaluator, tx, snapshots, evaluations, invoicing } = setUp();
    await evaluator.evaluate(DAY, true);
    expect(evaluations.claim).toHaveBeenCalledWith(tx, DAY, true);
    expect(snapshots.load).toHaveBeenCalledWith(tx, null);
    expect(snapshots.costBasis).not.toHaveBeenCalled();
    expect(invoicing.overdueInvoices).toHaveBeenCalledWith(tx, DAY);
    expect(evaluations.saveStates).toHaveBeenCalledWith(tx, DAY, [
      { municipalityCode: 'GM0106', dutyCode: WMO.code, status: 'NON_COMPLIANT' },
      { municipalityCode: 'GM0109', dutyCode: WMO.code, status: 'NON_COMPLIANT' },
    ]);
  });

  it('tells what changed, and an overdue invoice, and records the number of changes', async () => {
    const { evaluator, tx, evaluations, publisher } = setUp({
      states: [
        { municipalityCode: 'GM0106', dutyCode: WMO.code, status: 'COMPLIANT' },
        { municipalityCode: 'GM0109', dutyCode: WMO.code, status: 'NON_COMPLIANT' },
      ],
    });
    // Assen changed (to the municipality and the VNG), Coevorden did not; the invoice to both parties.
    expect(await evaluator.evaluate(DAY, false)).toEqual({
      day: DAY,
      evaluated: true,
      obligations: 2,
      changes: 1,
      notifications: 4,
      webhookDeliveries: 2,
    });
    const [[, drafts]] = publisher.notify.mock.calls;
    expect(drafts.map((d) => [d.kind, d.organisationId])).toEqual([
      ['NON_COMPLIANT', 'org-assen'],
      ['NON_COMPLIANT', 'org-vng'],
      ['INVOICE_OVERDUE', 'org-assen'],
      ['INVOICE_OVERDUE', 'org-sensoor'],
    ]);
    expect(publisher.publish).toHaveBeenCalledWith(tx, [
      expect.objectContaining({ event: 'obligation.changed', organisationIds: ['org-assen', 'org-vng'] }),
      expect.objectContaining({ event: 'invoice.overdue', organisationIds: ['org-assen', 'org-sensoor'] }),
    ]);
    expect(evaluations.finish).toHaveBeenCalledWith(tx, DAY, 1);
  });

  it('a first evaluation tells of non-compliance; an invoice told before sends no event again', async () => {
    const { evaluator, publisher } = setUp({ alreadyNotified: ['invoice-overdue:inv-1'] });
    const result = await evaluator.evaluate(DAY, false);
    expect([result.changes, result.notifications]).toEqual([2, 3]);
    const [[, events]] = publisher.publish.mock.calls as unknown as Array<[unknown, Array<{ event: string }>]>;
    expect(events.map((e) => e.event)).toEqual(['obligation.changed', 'obligation.changed']);
  });
});
