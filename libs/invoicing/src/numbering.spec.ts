import { formatDocumentNumber } from './numbering';

describe('document numbers (DOMAIN.md rule 6)', () => {
  it('prefix, a segment per type, the issue year and six digits', () => {
    expect(formatDocumentNumber('SEN', 'INVOICE', 2026, 1)).toBe('SEN-2026-000001');
    expect(formatDocumentNumber('SEN', 'CREDIT_NOTE', 2026, 42)).toBe('SEN-CN-2026-000042');
    expect(formatDocumentNumber('SEN', 'ALLOCATION_STATEMENT', 2016, 386)).toBe('SEN-AS-2016-000386');
  });
});
