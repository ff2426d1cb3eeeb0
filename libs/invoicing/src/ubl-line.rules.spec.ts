import Decimal from 'decimal.js';
import { cents, lineAmountCents } from '@wmo/domain';
import { LineFigures, ublLinePrice } from './ubl-line.rules';

const line = (figures: Omit<LineFigures, 'amountCents'> & { amountCents?: number }): LineFigures => ({
  ...figures,
  amountCents: cents(
    figures.amountCents ??
      lineAmountCents(figures.inhabitants, figures.perInhabitant, figures.days, figures.daysInYear),
  ),
});

describe('ublLinePrice: an e-invoice line as inhabitants x tariff, less the part of the year not billed', () => {
  it('a full year: Assen 69,701 inhabitants x EUR 0.2500 = EUR 17,425.25, no allowance', () => {
    expect(ublLinePrice(line({ inhabitants: 69_701, perInhabitant: '0.2500', days: 365, daysInYear: 365 }))).toEqual({
      quantity: '69701',
      priceAmount: '0.2500',
      allowance: null,
    });
  });

  it('part of the year: Aa en Hunze 25,845 x EUR 0.2500 x 243/365 = EUR 4,301.60, the other EUR 2,159.65 an allowance', () => {
    const billed = line({ inhabitants: 25_845, perInhabitant: '0.2500', days: 243, daysInYear: 365 });
    expect(billed.amountCents).toBe(430_160);
    expect(ublLinePrice(billed)).toEqual({
      quantity: '25845',
      priceAmount: '0.2500',
      allowance: { amountCents: 215_965, reason: 'Naar rato: 243 van 365 dagen' },
    });
  });

  it('a tariff whose full year has tenths of a cent: the allowance is the full year rounded to the cent less the amount', () => {
    // 47,812 x 0.2582 = 12,345.0584 -> 12,345.06; x 100/366 = 3,372.9667... -> 3,372.97.
    const billed = line({ inhabitants: 47_812, perInhabitant: '0.2582', days: 100, daysInYear: 366 });
    expect(billed.amountCents).toBe(337_297);
    expect(ublLinePrice(billed)).toEqual({
      quantity: '47812',
      priceAmount: '0.2582',
      allowance: { amountCents: 1_234_506 - 337_297, reason: 'Naar rato: 100 van 366 dagen' },
    });
    // The same tariff for the whole year needs no allowance: 12,345.0584 is 12,345.06 to the cent.
    expect(
      ublLinePrice(line({ inhabitants: 47_812, perInhabitant: '0.2582', days: 366, daysInYear: 366 })).allowance,
    ).toBeNull();
  });

  it('a part of the year too small to show in cents gives no allowance of zero', () => {
    expect(ublLinePrice(line({ inhabitants: 1, perInhabitant: '0.2500', days: 364, daysInYear: 365 }))).toEqual({
      quantity: '1',
      priceAmount: '0.2500',
      allowance: null,
    });
  });

  describe('any other line is quantity 1 at its exact amount', () => {
    it.each([
      ['no inhabitants (a hand-made correction line)', { inhabitants: 0, perInhabitant: '0.0000', amountCents: 1_000 }],
      ['no tariff', { inhabitants: 100, perInhabitant: '0.0000', amountCents: 1_000 }],
      ['more than inhabitants x tariff (1,440 x 0.25 = 360.00)', { inhabitants: 1_440, amountCents: 358_690 }],
      ['a credit for part of a line (EUR 2,159.65 of 6,461.25)', { inhabitants: 25_845, amountCents: 215_965 }],
      [
        'an amount the figures do not give (issued under other figures)',
        { inhabitants: 69_701, amountCents: 1_742_524 },
      ],
      ['no amount', { inhabitants: 69_701, amountCents: 0 }],
    ])('%s', (_case, figures) => {
      const stored = { perInhabitant: '0.2500', days: 365, daysInYear: 365, ...figures };
      expect(ublLinePrice({ ...stored, amountCents: cents(stored.amountCents) })).toEqual({
        quantity: '1',
        priceAmount: (stored.amountCents / 100).toFixed(2),
        allowance: null,
      });
    });
  });

  it('for any inhabitants, four-decimal tariff and days: amounts with two decimals, allowance never negative, and quantity x price - allowance within half a cent of the amount (Peppol PEPPOL-EN16931-R120)', () => {
    let seed = 20_250_101;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const wrong: unknown[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      const daysInYear = next(2) ? 365 : 366;
      const figures = {
        inhabitants: 1 + next(900_000),
        perInhabitant: new Decimal(1 + next(9_999)).div(10_000).toFixed(4),
        days: 1 + next(daysInYear),
        daysInYear,
      };
      const billed = line(figures);
      const { quantity, priceAmount, allowance } = ublLinePrice(billed);
      const allowanceCents = allowance?.amountCents ?? 0;
      const stated = new Decimal(quantity).mul(priceAmount).minus(new Decimal(allowanceCents).div(100));
      if (
        quantity !== String(figures.inhabitants) ||
        priceAmount !== figures.perInhabitant ||
        !Number.isSafeInteger(allowanceCents) ||
        allowanceCents < 0 ||
        stated.minus(new Decimal(billed.amountCents).div(100)).abs().gt('0.005')
      )
        wrong.push({ figures, amountCents: billed.amountCents, quantity, priceAmount, allowance });
    }
    expect(wrong).toEqual([]);
  });
});
