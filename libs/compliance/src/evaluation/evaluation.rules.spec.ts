import type { CoverageContract } from '@wmo/contracts';
import type { ObligationEvaluation } from '@wmo/domain';
import type { Judgement } from '../judgement.rules';
import { evaluation, OVERDUE_INVOICE } from '../testing/fixtures';
import {
  invoiceOverdueEvent,
  obligationChangedEvent,
  obligationNotifications,
  OverdueInvoiceFacts,
  overdueNotifications,
  Recipients,
  stateKey,
  worthTelling,
} from './evaluation.rules';

const DAY = '2025-10-02';
const RECIPIENTS: Recipients = { municipalities: new Map([['GM0106', 'org-assen']]), associations: ['org-vng'] };

const judgement = (changed: Partial<ObligationEvaluation>, references = ['VNG-SEN-2018']): Judgement =>
  ({
    municipality: { code: 'GM0106', name: 'Assen' },
    duty: {
      code: 'WMO2015_2_2_4_1B',
      name: 'Anoniem luisterend oor en advies',
      legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
    },
    evaluation: evaluation({ status: 'COMPLIANT', ...changed }),
    covering: references.map((reference) => ({ contract: { reference } as CoverageContract })),
    explanation: 'De uitleg.',
  }) as unknown as Judgement;

const AT_RISK = judgement({ status: 'AT_RISK', coveredUntil: '2025-12-31', uncoveredFrom: '2026-01-01' });

describe('notifications of a changed obligation', () => {
  it('AT_RISK: coverage ending, to the municipality (everyone) and the VNG contract managers', () => {
    const notes = obligationNotifications(AT_RISK, 'COMPLIANT', DAY, RECIPIENTS);
    expect(notes.map((n) => [n.organisationId, n.roles])).toEqual([
      ['org-assen', []],
      ['org-vng', ['CONTRACT_MANAGER']],
    ]);
    expect(notes[0]).toEqual({
      kind: 'COVERAGE_ENDING',
      title: 'Dekking anoniem luisterend oor en advies voor Assen eindigt op 31-12-2025',
      message:
        'De dekking door VNG-SEN-2018 eindigt op 31-12-2025 en er is geen opvolgend contract: vanaf 01-01-2026 voldoet Assen niet meer aan art. 2.2.4 lid 1 onder b Wmo 2015.',
      municipalityCode: 'GM0106',
      subjectType: 'obligation',
      subjectId: 'WMO2015_2_2_4_1B',
      data: {
        dutyCode: 'WMO2015_2_2_4_1B',
        previousStatus: 'COMPLIANT',
        status: 'AT_RISK',
        since: DAY,
        coveredUntil: '2025-12-31',
        uncoveredFrom: '2026-01-01',
      },
      dedupeKey: 'obligation:GM0106:WMO2015_2_2_4_1B:AT_RISK:2025-10-02',
      organisationId: 'org-assen',
      roles: [],
    });
  });

  it('NON_COMPLIANT: the explanation is the message', () => {
    const [note] = obligationNotifications(judgement({ status: 'NON_COMPLIANT' }, []), 'AT_RISK', DAY, RECIPIENTS);
    expect([note.kind, note.title, note.message]).toEqual([
      'NON_COMPLIANT',
      'Assen voldoet niet aan art. 2.2.4 lid 1 onder b Wmo 2015',
      'De uitleg.',
    ]);
  });

  it('coverage ending without any covering contract says so', () => {
    const [note] = obligationNotifications(
      judgement({ status: 'AT_RISK', coveredUntil: '2025-12-31', uncoveredFrom: '2026-01-01' }, []),
      null,
      DAY,
      RECIPIENTS,
    );
    expect(note.message).toMatch(/^De dekking door geen contract eindigt op 31-12-2025/);
  });

  it('COMPLIANT again', () => {
    const [note] = obligationNotifications(judgement({}), 'NON_COMPLIANT', DAY, RECIPIENTS);
    expect([note.kind, note.title, note.message, note.dedupeKey]).toEqual([
      'COMPLIANT_AGAIN',
      'Assen voldoet weer aan art. 2.2.4 lid 1 onder b Wmo 2015',
      'De uitleg.',
      'obligation:GM0106:WMO2015_2_2_4_1B:COMPLIANT:2025-10-02',
    ]);
  });

  it('a municipality without an organisation: the associations only', () => {
    const notes = obligationNotifications(AT_RISK, null, DAY, { municipalities: new Map(), associations: ['org-vng'] });
    expect(notes.map((n) => n.organisationId)).toEqual(['org-vng']);
  });

  it('a first evaluation that finds the duty met tells nobody; every other change is told', () => {
    expect(worthTelling(null, 'COMPLIANT')).toBe(false);
    expect(worthTelling(null, 'AT_RISK')).toBe(true);
    expect(worthTelling('NON_COMPLIANT', 'COMPLIANT')).toBe(true);
  });

  it('states are keyed by duty and municipality', () => {
    expect(stateKey('WMO2015_2_2_4_1B', 'GM0106')).toBe('WMO2015_2_2_4_1B:GM0106');
  });
});

describe('obligation.changed', () => {
  it('goes to the municipality and the associations with the new status and the explanation', () => {
    expect(obligationChangedEvent(AT_RISK, 'COMPLIANT', DAY, RECIPIENTS)).toEqual({
      event: 'obligation.changed',
      organisationIds: ['org-assen', 'org-vng'],
      data: {
        municipalityCode: 'GM0106',
        municipalityName: 'Assen',
        dutyCode: 'WMO2015_2_2_4_1B',
        previousStatus: 'COMPLIANT',
        status: 'AT_RISK',
        since: DAY,
        coveredUntil: '2025-12-31',
        uncoveredFrom: '2026-01-01',
        explanation: 'De uitleg.',
      },
    });
  });
});

describe('an overdue invoice', () => {
  // inv-1 from Stichting Sensoor to Gemeente Assen (GM0106), due 2025-02-14, EUR 17.425,25 of which 7.425,25 open.
  const invoice: OverdueInvoiceFacts = OVERDUE_INVOICE;

  it("notifies the customer's finance staff and the supplier's finance staff and administrators", () => {
    const notes = overdueNotifications(invoice);
    expect(notes.map((n) => [n.organisationId, n.roles])).toEqual([
      ['org-assen', ['FINANCE']],
      ['org-sensoor', ['FINANCE', 'PROVIDER_ADMIN']],
    ]);
    expect(notes[1]).toMatchObject({
      kind: 'INVOICE_OVERDUE',
      municipalityCode: 'GM0106',
      subjectType: 'invoice',
      subjectId: 'inv-1',
      title: 'Factuur F-2025-000017 is vervallen',
      message:
        'Factuur F-2025-000017 van Stichting Sensoor aan Gemeente Assen had uiterlijk op 14-02-2025 betaald moeten zijn; er staat EUR 7.425,25 open.',
      data: {
        invoiceId: 'inv-1',
        number: 'F-2025-000017',
        dueDate: '2025-02-14',
        totalCents: 1_742_525,
        outstandingCents: 742_525,
      },
      dedupeKey: 'invoice-overdue:inv-1',
    });
  });

  it('sends invoice.overdue to both parties', () => {
    expect(invoiceOverdueEvent(invoice)).toEqual({
      event: 'invoice.overdue',
      organisationIds: ['org-assen', 'org-sensoor'],
      data: {
        id: 'inv-1',
        number: 'F-2025-000017',
        municipalityCode: 'GM0106',
        dueDate: '2025-02-14',
        totalCents: 1_742_525,
        outstandingCents: 742_525,
        currency: 'EUR',
      },
    });
  });
});
