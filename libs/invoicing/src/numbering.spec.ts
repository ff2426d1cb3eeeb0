import { allocationSeriesPrefix } from './invoicing.rules';
import { formatDocumentNumber } from './numbering';

describe('document numbers (DOMAIN.md rule 6)', () => {
  it('prefix, a segment per type, the issue year and six digits', () => {
    expect(formatDocumentNumber('SEN', 'INVOICE', 2026, 1)).toBe('SEN-2026-000001');
    expect(formatDocumentNumber('SEN', 'CREDIT_NOTE', 2026, 42)).toBe('SEN-CN-2026-000042');
    expect(formatDocumentNumber('SEN', 'ALLOCATION_STATEMENT', 2016, 386)).toBe('SEN-AS-2016-000386');
  });

  it("allocation statements are the contracting party's series: the VNG's initials, a municipality's code", () => {
    const vng = allocationSeriesPrefix({ name: 'Vereniging van Nederlandse Gemeenten', municipalityCode: null });
    expect(vng).toBe('VNG');
    expect(formatDocumentNumber(vng, 'ALLOCATION_STATEMENT', 2026, 1)).toBe('VNG-AS-2026-000001');
    expect(allocationSeriesPrefix({ name: 'Gemeente Amsterdam', municipalityCode: 'GM0363' })).toBe('GM0363');
    // A name without capitals still gets a series of its own.
    expect(allocationSeriesPrefix({ name: 'samenwerking', municipalityCode: null })).toBe('UITNAME');
  });
});
