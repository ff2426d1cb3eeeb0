import { containsPattern, orderBy, parseSort, sortValues } from './list-query';

describe('the list convention', () => {
  it('accepts each field ascending and with a leading - descending', () => {
    expect(sortValues(['number', 'totalCents'])).toEqual(['number', 'totalCents', '-number', '-totalCents']);
    expect(parseSort('-totalCents')).toEqual({ field: 'totalCents', descending: true });
    expect(parseSort('number')).toEqual({ field: 'number', descending: false });
  });

  it('orders by the field, unknown figures last, then the tie-breaker', () => {
    const columns = { number: 'd.number', totalCents: 'd.total_cents' };
    expect(orderBy('-totalCents', columns, 'd.id')).toBe('d.total_cents DESC NULLS LAST, d.id');
    expect(orderBy('number', columns, 'd.id')).toBe('d.number ASC NULLS LAST, d.id');
  });

  it('searches text literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(containsPattern('')).toBeNull();
    expect(containsPattern(undefined)).toBeNull();
  });
});
