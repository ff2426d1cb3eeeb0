import { readinessGaps } from './readiness.rules';

const ADDRESS = { street: 'Noordersingel 33', postalCode: '9401 JW', city: 'Assen' };

describe('what a customer lacks for a lawful invoice and an e-invoice', () => {
  it('complete details lack nothing; an OIN or a KvK number is enough to address an e-invoice', () => {
    expect(readinessGaps('INVOICE', { ...ADDRESS, oin: '00000001001589623000', kvkNumber: null })).toEqual([]);
    expect(readinessGaps('INVOICE', { ...ADDRESS, oin: null, kvkNumber: '01176040' })).toEqual([]);
  });

  it('without details an invoice lacks the address (unlawful) and an identifier (no e-invoice)', () => {
    expect(readinessGaps('INVOICE', undefined)).toEqual(['invoiceAddress', 'oinOrKvkNumber']);
    expect(readinessGaps('INVOICE', { ...ADDRESS, city: null, oin: '00000001001589623000' })).toEqual([
      'invoiceAddress',
    ]);
  });

  it('an allocation statement is no invoice and lacks nothing', () => {
    expect(readinessGaps('ALLOCATION_STATEMENT', undefined)).toEqual([]);
  });
});
