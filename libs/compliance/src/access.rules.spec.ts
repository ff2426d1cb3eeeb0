import { ComplianceError } from './compliance.errors';
import { mayReadReport, obligationsAccess, overviewAccess } from './access.rules';
import { principal } from './testing/fixtures';

const ASSEN = principal({ municipalityCode: 'GM0106' });
const VNG = principal({ organisationKind: 'ASSOCIATION', roles: ['CONTRACT_MANAGER'] });
const SENSOOR = principal({ organisationKind: 'PROVIDER', roles: ['PROVIDER_ADMIN'] });
const OPERATOR = principal({ organisationKind: 'OPERATOR', roles: ['OPERATOR'] });

describe('who sees obligations', () => {
  it('the municipality itself, the VNG and operators, without asking the contracts', () => {
    expect([ASSEN, VNG, OPERATOR].map((p) => obligationsAccess(p, 'GM0106'))).toEqual([
      'GRANTED',
      'GRANTED',
      'GRANTED',
    ]);
  });

  it('a provider only if it serves the municipality', () => {
    expect(obligationsAccess(SENSOOR, 'GM0106')).toBe('IF_SERVED');
  });

  it('another municipality never', () => {
    expect(obligationsAccess(ASSEN, 'GM0014')).toBe('DENIED');
  });
});

describe('who sees the national overview', () => {
  it('the VNG and operators all municipalities, a provider those it serves', () => {
    expect([VNG, OPERATOR, SENSOOR].map(overviewAccess)).toEqual(['ALL', 'ALL', 'SERVED']);
  });

  it('a municipality is refused with a 403 that points to its own obligations', () => {
    expect(() => overviewAccess(ASSEN)).toThrow(
      'The national overview is for the VNG, providers and operators; a municipality sees its own obligations at /api/v1/municipalities/{code}/obligations.',
    );
    try {
      overviewAccess(ASSEN);
    } catch (error) {
      expect((error as ComplianceError).httpStatus()).toBe(403);
    }
  });
});

describe('who reads the council report', () => {
  it('the municipality itself and operators; not the VNG, a provider or another municipality', () => {
    expect([ASSEN, OPERATOR, VNG, SENSOOR].map((p) => mayReadReport(p, 'GM0106'))).toEqual([true, true, false, false]);
    expect(mayReadReport(ASSEN, 'GM0014')).toBe(false);
  });
});
