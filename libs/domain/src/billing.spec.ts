import {
  chargeSegments,
  creditNoteVatCents,
  formatEuroCents,
  lineAmountCents,
  referenceDateFor,
  vatAmountCents,
} from './billing';
import { cents } from './money';

describe('billing rules (DOMAIN.md 1, 2, 4)', () => {
  it('a full year: inhabitants x tariff, to the cent', () => {
    // Assen, 69,701 inhabitants on 2024-01-01, at EUR 0.25
    expect(lineAmountCents(69_701, '0.2500', 365, 365)).toBe(1_742_525);
  });

  it('rounds a half cent up, per line', () => {
    expect(lineAmountCents(1, '0.0050', 365, 365)).toBe(1); // 0.5 cent
    expect(lineAmountCents(3, '0.0050', 365, 365)).toBe(2); // 1.5 cents
    expect(lineAmountCents(1, '0.0049', 365, 365)).toBe(0);
  });

  it('a half cent rounds up: Aa en Hunze (25,845 inhabitants, odd) x EUR 0.0050 = EUR 129.225 -> 12923 cents (not 12922)', () => {
    expect(lineAmountCents(25_845, '0.0050', 365, 365)).toBe(12_923);
  });

  it('a participant joining on 1 July pays 184/365 of the year', () => {
    const [segment] = chargeSegments({ from: '2025-01-01', to: '2025-12-31' }, { from: '2025-07-01', to: null }, [
      { from: '2025-01-01', to: null, perInhabitant: '0.2500' },
    ]);
    expect(segment).toMatchObject({ from: '2025-07-01', to: '2025-12-31', days: 184, daysInYear: 365 });
    // 10,000 x 0.25 x 184 / 365 = 1260.2739... -> 1260.27
    expect(lineAmountCents(10_000, segment.perInhabitant, segment.days, segment.daysInYear)).toBe(126_027);
  });

  it('splits where the tariff changes and where a year ends (leap year 366 days)', () => {
    const segments = chargeSegments({ from: '2023-12-01', to: '2024-03-31' }, { from: '2020-01-01', to: null }, [
      { from: '2018-01-01', to: '2024-01-31', perInhabitant: '0.2500' },
      { from: '2024-02-01', to: null, perInhabitant: '0.2600' },
    ]);
    expect(segments.map((s) => [s.from, s.to, s.days, s.daysInYear, s.perInhabitant])).toEqual([
      ['2023-12-01', '2023-12-31', 31, 365, '0.2500'],
      ['2024-01-01', '2024-01-31', 31, 366, '0.2500'],
      ['2024-02-01', '2024-03-31', 60, 366, '0.2600'],
    ]);
  });

  it('days without a tariff or without participation are not billed', () => {
    expect(
      chargeSegments({ from: '2025-01-01', to: '2025-12-31' }, { from: '2026-01-01', to: null }, [
        { from: '2018-01-01', to: null, perInhabitant: '0.25' },
      ]),
    ).toEqual([]);
    expect(chargeSegments({ from: '2025-01-01', to: '2025-12-31' }, { from: '2025-01-01', to: null }, [])).toEqual([]);
  });

  it('takes the CBS figures of 1 January of the year before by default', () => {
    expect(referenceDateFor('JANUARY_FIRST_PREVIOUS_YEAR', '2025-01-01')).toBe('2024-01-01');
    expect(referenceDateFor('JANUARY_FIRST_SAME_YEAR', '2025-07-01')).toBe('2025-01-01');
  });

  it('VAT over the document total, half up', () => {
    expect(vatAmountCents(cents(1_742_525), '21.00')).toBe(365_930); // 365,930.25
    expect(vatAmountCents(cents(1_742_525), '0.00')).toBe(0);
    // Assen's half year from 1 July 2025: 878424 x 21% = 184,469.04
    expect(vatAmountCents(cents(878_424), '21.00')).toBe(184_469);
  });

  it('credit notes in parts carry VAT that adds up to the invoice VAT to the cent (rounded on the running total)', () => {
    // Invoice 878424 cents + 21% = 184469.04 -> 184469 VAT. Credited as 12 cents, then the rest.
    const first = creditNoteVatCents({
      ratePercent: '21.00',
      creditedBeforeCents: cents(0),
      creditedVatBeforeCents: cents(0),
      creditingCents: cents(12),
    });
    const rest = creditNoteVatCents({
      ratePercent: '21.00',
      creditedBeforeCents: cents(12),
      creditedVatBeforeCents: first,
      creditingCents: cents(878_412),
    });
    expect([first, rest]).toEqual([3, 184_466]); // 2.52 -> 3; 184469 - 3
    expect(first + rest).toBe(vatAmountCents(cents(878_424), '21.00'));
  });

  it('writes euros the Dutch way', () => {
    expect(formatEuroCents(1_428_000)).toBe('14.280,00');
    expect(formatEuroCents(5)).toBe('0,05');
  });
});
