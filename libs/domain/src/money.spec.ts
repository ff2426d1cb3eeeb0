import { cents, minusCents, plusCents, sumCents } from './money';

describe('Cents', () => {
  it('takes whole numbers and the text PostgreSQL sends for a bigint', () => {
    expect(cents(1428000)).toBe(1428000);
    expect(cents('646125')).toBe(646125);
    expect(cents('-215965')).toBe(-215965);
    expect(cents(0n)).toBe(0);
  });

  it('refuses fractions, floats and anything beyond the safe-integer range', () => {
    expect(() => cents(12.5)).toThrow(RangeError);
    expect(() => cents('12.50')).toThrow('Not an amount in cents');
    expect(() => cents('9007199254740993')).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
    expect(() => cents('')).toThrow(RangeError);
    expect(() => cents('1e3')).toThrow(RangeError);
  });

  it('adds and subtracts to checked amounts', () => {
    expect(sumCents([cents(430160), cents(215965)])).toBe(646125);
    expect(sumCents([])).toBe(0);
    expect(minusCents(cents(646125), cents(430160))).toBe(215965);
    expect(plusCents(cents(1), cents(2))).toBe(3);
    expect(() => plusCents(cents(Number.MAX_SAFE_INTEGER), cents(1))).toThrow(RangeError);
  });
});
