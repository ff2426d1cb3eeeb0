import { cents } from '@wmo/domain';
import {
  documentTotals,
  legalBasis,
  ProviderYear,
  ReportDocument,
  reportDocument,
  serviceFigures,
} from './report.rules';

const document = (type: string, total: number, paid = 0, credited = 0): ReportDocument => ({
  id: `${type}-${total}`,
  type,
  number: 'F-2025-000001',
  issueDate: '2025-01-15',
  dueDate: '2025-02-14',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  contractReference: 'SEN-ASSEN-2025',
  totalCents: cents(total),
  paidCents: cents(paid),
  creditedCents: cents(credited),
  status: 'OPEN',
});

describe('the totals of the documents', () => {
  it('invoiced less credited, allocated, paid and outstanding, to the cent', () => {
    expect(
      documentTotals([
        document('INVOICE', 1_742_525, 1_000_000, 42_525),
        document('INVOICE', 365_930, 365_930),
        document('CREDIT_NOTE', -42_525),
        document('ALLOCATION_STATEMENT', 250_000),
      ]),
    ).toEqual({ invoicedCents: 2_065_930, allocatedCents: 250_000, paidCents: 1_365_930, outstandingCents: 700_000 });
  });

  it('never shows a negative outstanding amount', () => {
    expect(documentTotals([document('INVOICE', 10_000, 10_001)]).outstandingCents).toBe(0);
  });

  it('no documents: all zero', () => {
    expect(documentTotals([])).toEqual({ invoicedCents: 0, allocatedCents: 0, paidCents: 0, outstandingCents: 0 });
  });
});

describe('a document in the report', () => {
  it('carries its billed period as a period', () => {
    expect(reportDocument(document('INVOICE', 100))).toEqual({
      id: 'INVOICE-100',
      type: 'INVOICE',
      number: 'F-2025-000001',
      issueDate: '2025-01-15',
      dueDate: '2025-02-14',
      contractReference: 'SEN-ASSEN-2025',
      totalCents: 100,
      paidCents: 0,
      creditedCents: 0,
      status: 'OPEN',
      period: { from: '2025-01-01', to: '2025-12-31' },
    });
  });
});

describe("the providers' national figures", () => {
  const totals: ProviderYear[] = [
    { providerId: 'sensoor', year: 2026, channels: [], totalConversations: 300 },
    {
      providerId: 'sensoor',
      year: 2024,
      channels: [{ kind: 'PHONE', conversations: 200, answered: 190 }],
      totalConversations: 200,
    },
    { providerId: 'sensoor', year: 2023, channels: [], totalConversations: 100 },
  ];

  it('takes the report year, or the latest year before it', () => {
    expect(serviceFigures(new Map([['sensoor', 'Stichting Sensoor']]), totals, 2025)).toEqual([
      {
        providerId: 'sensoor',
        providerName: 'Stichting Sensoor',
        year: 2024,
        channels: [{ kind: 'PHONE', conversations: 200, answered: 190 }],
        totalConversations: 200,
      },
    ]);
  });

  it('leaves out a provider without figures up to the year', () => {
    expect(
      serviceFigures(
        new Map([
          ['sensoor', 'Stichting Sensoor'],
          ['other', 'Other'],
        ]),
        totals,
        2022,
      ),
    ).toEqual([]);
  });
});

describe('the legal basis', () => {
  const duty = {
    name: 'Anoniem luisterend oor en advies',
    legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
    countingChannels: [],
    continuousAvailability: true,
  };

  it('quotes the law for the Wmo duty', () => {
    expect(legalBasis({ ...duty, code: 'WMO2015_2_2_4_1B' })).toEqual({
      article: 'art. 2.2.4 lid 1 onder b Wmo 2015',
      text: 'op ieder moment van de dag telefonisch of elektronisch anoniem een luisterend oor en advies beschikbaar te stellen',
    });
  });

  it('names another duty by its legal basis and name', () => {
    expect(legalBasis({ ...duty, code: 'OTHER', legalBasis: 'art. 1', name: 'Iets anders' })).toEqual({
      article: 'art. 1',
      text: 'Iets anders',
    });
  });
});
