import { cents } from '@wmo/domain';
import type { BillingDifference } from './billing-differences.rules';
import { billingImpact, impactEvent, impactNotices, ReachedPeriod } from './billing-impact.rules';

// MADE-UP TEST DATA apart from Aa en Hunze's amounts (25,845 inhabitants x EUR 0.25; 243 of 365 days).
const contract = {
  id: 'c1',
  reference: 'VNG-SEN-2018',
  kind: 'COLLECTIVE',
  supplierId: 'sensoor',
  contractingOrganisationId: 'vng',
};
const difference = (code: string, name: string, billed: number, due: number, doc: string): BillingDifference => ({
  municipalityCode: code,
  name,
  billedCents: cents(billed),
  dueCents: cents(due),
  differenceCents: cents(due - billed),
  documents: [{ id: doc, number: `SEN-2026-${doc}`, type: 'INVOICE' }],
  reasons: due === billed ? [] : ['deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)'],
});
const reached = (items: BillingDifference[]): ReachedPeriod => ({
  contract,
  period: { from: '2025-01-01', to: '2025-12-31' },
  items,
});
const aaEnHunze = difference('GM1680', 'Aa en Hunze', 646125, 430160, '000001');

describe('billingImpact', () => {
  it('keeps the municipalities whose due differs, sums them, and names each document once, by number', () => {
    const shared = { ...difference('GM0106', 'Assen', 1000, 1500, '000002') };
    const impact = billingImpact([
      reached([aaEnHunze, difference('GM0014', 'Groningen', 5000, 5000, '000003'), shared]),
      { ...reached([shared]), period: { from: '2024-01-01', to: '2024-12-31' } },
    ]);
    expect(impact.differenceCents).toBe(-215965 + 500 + 500);
    expect(impact.items.map((i) => [i.municipalityCode, i.periodStart, i.differenceCents])).toEqual([
      ['GM1680', '2025-01-01', -215965],
      ['GM0106', '2025-01-01', 500],
      ['GM0106', '2024-01-01', 500],
    ]);
    expect(impact.documents.map((d) => d.number)).toEqual(['SEN-2026-000001', 'SEN-2026-000002']);
  });

  it('is empty when nothing differs', () => {
    expect(billingImpact([reached([difference('GM0014', 'Groningen', 5000, 5000, '000003')])])).toEqual({
      differenceCents: 0,
      documents: [],
      items: [],
    });
  });
});

describe('impactNotices', () => {
  const items = billingImpact([reached([aaEnHunze])]).items;

  it("tells the supplier's FINANCE and, for a collective contract, the VNG's CONTRACT_MANAGERs", () => {
    const notices = impactNotices(contract, items, 'deelname van Aa en Hunze beëindigd per 31-08-2025');
    expect(notices.map((n) => [n.organisationId, n.roles])).toEqual([
      ['sensoor', ['FINANCE']],
      ['vng', ['CONTRACT_MANAGER']],
    ]);
    expect(notices[0]).toMatchObject({
      kind: 'BILLING_DIFFERENCE',
      municipalityCode: 'GM1680',
      title: 'Factuurverschil in VNG-SEN-2018: EUR -2.159,65',
      message:
        'Na deelname van Aa en Hunze beëindigd per 31-08-2025 wijkt wat verschuldigd is af van wat al gefactureerd is: ' +
        'Aa en Hunze (GM1680), 01-01-2025 t/m 31-12-2025: EUR -2.159,65 (deelname beëindigd per 31-08-2025: 243 van 365 dagen (regel 1)). ' +
        'Bekijk de verschillen bij het contract en start zo nodig een correctierun.',
    });
  });

  it("a municipality's own contract: its ORG_ADMIN is told too", () => {
    const [, party] = impactNotices({ ...contract, kind: 'INDIVIDUAL' }, items, 'x');
    expect(party.roles).toEqual(['CONTRACT_MANAGER', 'ORG_ADMIN']);
  });

  it('names five municipalities and counts the rest', () => {
    const many = billingImpact([
      reached(Array.from({ length: 7 }, (_, i) => difference(`GM000${i}`, `Gemeente ${i}`, 1000, 1100, `00000${i}`))),
    ]).items;
    const [notice] = impactNotices(contract, many, 'wijziging 1');
    expect(notice.message).toContain('Gemeente 4 (GM0004)');
    expect(notice.message).not.toContain('Gemeente 5 (GM0005)');
    expect(notice.message).toContain('; en 2 andere gemeenten.');
    expect(notice.municipalityCode).toBeNull();
    expect(notice.title).toBe('Factuurverschil in VNG-SEN-2018: EUR 7,00');
  });

  it('the same differences have the same dedupe key (told once); another difference another key', () => {
    const key = (list: typeof items) => impactNotices(contract, list, 'x')[0].dedupeKey;
    expect(key(items)).toBe(key(items));
    const other = billingImpact([reached([difference('GM1680', 'Aa en Hunze', 646125, 430000, '000001')])]).items;
    expect(key(other)).not.toBe(key(items));
  });

  it('nothing for a contract without items', () => {
    expect(impactNotices({ ...contract, id: 'c2' }, items, 'x')).toEqual([]);
  });
});

describe('impactEvent', () => {
  it("billing.difference to both parties, with the contract's items and their total only", () => {
    const items = [
      ...billingImpact([reached([aaEnHunze])]).items,
      ...billingImpact([{ ...reached([aaEnHunze]), contract: { id: 'c2', reference: 'X' } }]).items,
    ];
    expect(impactEvent(contract, items, 'oorzaak')).toEqual({
      event: 'billing.difference',
      organisationIds: ['sensoor', 'vng'],
      data: {
        contractId: 'c1',
        contractReference: 'VNG-SEN-2018',
        cause: 'oorzaak',
        differenceCents: -215965,
        items: [items[0]],
      },
    });
  });
});
