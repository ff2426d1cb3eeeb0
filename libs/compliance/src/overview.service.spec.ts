import type { CoverageReader } from '@wmo/contracts';
import { todayInAmsterdam, yearOf } from '@wmo/domain';
import type { Principal, ScopedDatabase } from '@wmo/tenancy';
import type { CoverageSnapshots } from './coverage-snapshot';
import { OverviewService } from './overview.service';
import { principal, scopedDatabase, UNCOVERED } from './testing/fixtures';

// The VNG's contract manager, unless the overrides say otherwise.
const caller = (overrides: Partial<Principal>): Principal =>
  principal({ organisationKind: 'ASSOCIATION', roles: ['CONTRACT_MANAGER'], ...overrides });

function setUp(who: Principal) {
  const { platform, tx, db } = scopedDatabase(who);
  const coverage = { servedMunicipalities: jest.fn(() => Promise.resolve(['GM0106'])) };
  const snapshots = {
    load: jest.fn(() => Promise.resolve(UNCOVERED)),
    costBasis: jest.fn(() => Promise.resolve({ figures: new Map(), changes: [] })),
  };
  const service = new OverviewService(
    db as unknown as ScopedDatabase,
    coverage as unknown as CoverageReader,
    snapshots as unknown as CoverageSnapshots,
  );
  return { service, tx, platform, db, coverage, snapshots };
}

describe('the national overview', () => {
  it('the VNG: every municipality, read as the platform within its own transaction', async () => {
    const { service, platform, db, coverage, snapshots } = setUp(caller({}));
    const overview = await service.overview({ year: 2025 });
    expect(db.transaction).toHaveBeenCalledTimes(1);
    expect(coverage.servedMunicipalities).not.toHaveBeenCalled();
    expect(snapshots.load).toHaveBeenCalledWith(platform, null);
    expect(snapshots.costBasis).toHaveBeenCalledWith(platform, UNCOVERED, 2025);
    expect(overview.rows.map((r) => r.code)).toEqual(['GM0106', 'GM0109']);
    expect(overview.counts).toEqual({ COMPLIANT: 0, AT_RISK: 0, NON_COMPLIANT: 2, total: 2 });
    expect(overview.rows[0]).toMatchObject({ gapDays: 365, costCents: 0, inhabitants: null });
  });

  it('a provider: the municipalities it serves in the year, asked in its own view', async () => {
    const { service, tx, platform, coverage, snapshots } = setUp(
      caller({ organisationKind: 'PROVIDER', organisationId: 'sensoor' }),
    );
    await service.overview({ year: 2024 });
    expect(coverage.servedMunicipalities).toHaveBeenCalledWith(tx, 'sensoor', { from: '2024-01-01', to: '2024-12-31' });
    expect(snapshots.load).toHaveBeenCalledWith(platform, ['GM0106']);
  });

  it('a municipality is refused before anything is read', async () => {
    const { service, tx, snapshots } = setUp(caller({ organisationKind: 'MUNICIPALITY', municipalityCode: 'GM0106' }));
    await expect(service.overview({})).rejects.toThrow(/^The national overview is for the VNG/);
    expect(tx.unscopedWithin).not.toHaveBeenCalled();
    expect(snapshots.load).not.toHaveBeenCalled();
  });

  it('this year by default; the status filter leaves the counts whole', async () => {
    const { service } = setUp(caller({}));
    const overview = await service.overview({ status: 'COMPLIANT' });
    expect(overview.year).toBe(yearOf(todayInAmsterdam()));
    expect(overview.rows).toEqual([]);
    expect(overview.counts.total).toBe(2);
  });

  it('a duty that does not exist is a 404', async () => {
    const { service } = setUp(caller({}));
    await expect(service.overview({ duty: 'NO_SUCH_DUTY' })).rejects.toThrow('There is no duty NO_SUCH_DUTY');
  });
});

describe('the national overview as a list', () => {
  it('one page of the rows, with the total and the sums over every matching row; unknown inhabitants make the sum null', async () => {
    const { service } = setUp(caller({}));
    const overview = await service.page({ year: 2025, sort: '-code', page: 2, limit: 1 });
    expect(overview.items.map((r) => r.code)).toEqual(['GM0106']);
    expect([overview.total, overview.page, overview.limit]).toEqual([2, 2, 1]);
    expect(overview.totals).toEqual({
      municipalities: 2,
      COMPLIANT: 0,
      AT_RISK: 0,
      NON_COMPLIANT: 2,
      inhabitants: null,
      costCents: 0,
      unknownInhabitants: 2,
      unknownCost: 0,
      complete: false,
    });
    expect(overview.missingFigures).toEqual([]);
  });

  it('q narrows the rows and the totals, but the status filter leaves the counts whole', async () => {
    const { service } = setUp(caller({}));
    const overview = await service.page({ year: 2025, q: 'GM0109', status: 'COMPLIANT' });
    expect([overview.total, overview.totals.municipalities, overview.counts.total]).toEqual([0, 0, 1]);
  });
});
