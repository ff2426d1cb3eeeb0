import type { CoverageReader, DutyInfo } from '@wmo/contracts';
import { todayInAmsterdam, yearOf } from '@wmo/domain';
import type { MunicipalityInfo } from '@wmo/reference-data';
import type { Principal, ScopedDatabase } from '@wmo/tenancy';
import type { CoverageSnapshots } from './coverage-snapshot';
import type { CoverageSnapshot } from './judgement.rules';
import { OverviewService } from './overview.service';

const WMO: DutyInfo = {
  code: 'WMO2015_2_2_4_1B',
  name: 'Anoniem luisterend oor en advies',
  legalBasis: 'art. 2.2.4 lid 1 onder b Wmo 2015',
  inForceFrom: '2015-01-01',
  countingChannels: ['PHONE', 'CHAT'],
  continuousAvailability: true,
};
const municipality = (code: string, name: string): MunicipalityInfo => ({
  code,
  name,
  provinceCode: 'PV22',
  provinceName: 'Drenthe',
  validFrom: null,
  validTo: null,
});
// Nobody covered: every municipality NON_COMPLIANT, no cost.
const SNAPSHOT: CoverageSnapshot = {
  duties: [WMO],
  municipalities: new Map([
    ['GM0106', municipality('GM0106', 'Assen')],
    ['GM0109', municipality('GM0109', 'Coevorden')],
  ]),
  contracts: new Map(),
  coverage: new Map(),
};
const principal = (overrides: Partial<Principal>): Principal => ({
  kind: 'user',
  id: 'u',
  userId: 'u',
  apiKeyId: null,
  organisationId: 'org',
  organisationKind: 'ASSOCIATION',
  municipalityCode: null,
  roles: ['CONTRACT_MANAGER'],
  ...overrides,
});

function setUp(caller: Principal) {
  const platform = { manager: {} };
  const tx = {
    manager: {},
    principal: caller,
    unscopedWithin: jest.fn((work: (p: typeof platform) => Promise<unknown>) => work(platform)),
  };
  const db = { transaction: jest.fn((work: (t: typeof tx) => Promise<unknown>) => work(tx)) };
  const coverage = { servedMunicipalities: jest.fn(() => Promise.resolve(['GM0106'])) };
  const snapshots = {
    load: jest.fn(() => Promise.resolve(SNAPSHOT)),
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
    const { service, platform, db, coverage, snapshots } = setUp(principal({}));
    const overview = await service.overview({ year: 2025 });
    expect(db.transaction).toHaveBeenCalledTimes(1);
    expect(coverage.servedMunicipalities).not.toHaveBeenCalled();
    expect(snapshots.load).toHaveBeenCalledWith(platform, null);
    expect(snapshots.costBasis).toHaveBeenCalledWith(platform, SNAPSHOT, 2025);
    expect(overview.rows.map((r) => r.code)).toEqual(['GM0106', 'GM0109']);
    expect(overview.counts).toEqual({ COMPLIANT: 0, AT_RISK: 0, NON_COMPLIANT: 2, total: 2 });
    expect(overview.rows[0]).toMatchObject({ gapDays: 365, costCents: 0, inhabitants: null });
  });

  it('a provider: the municipalities it serves in the year, asked in its own view', async () => {
    const { service, tx, platform, coverage, snapshots } = setUp(
      principal({ organisationKind: 'PROVIDER', organisationId: 'sensoor' }),
    );
    await service.overview({ year: 2024 });
    expect(coverage.servedMunicipalities).toHaveBeenCalledWith(tx, 'sensoor', { from: '2024-01-01', to: '2024-12-31' });
    expect(snapshots.load).toHaveBeenCalledWith(platform, ['GM0106']);
  });

  it('a municipality is refused before anything is read', async () => {
    const { service, tx, snapshots } = setUp(
      principal({ organisationKind: 'MUNICIPALITY', municipalityCode: 'GM0106' }),
    );
    await expect(service.overview({})).rejects.toThrow(/^The national overview is for the VNG/);
    expect(tx.unscopedWithin).not.toHaveBeenCalled();
    expect(snapshots.load).not.toHaveBeenCalled();
  });

  it('this year by default; the status filter leaves the counts whole', async () => {
    const { service } = setUp(principal({}));
    const overview = await service.overview({ status: 'COMPLIANT' });
    expect(overview.year).toBe(yearOf(todayInAmsterdam()));
    expect(overview.rows).toEqual([]);
    expect(overview.counts.total).toBe(2);
  });

  it('a duty that does not exist is a 404', async () => {
    const { service } = setUp(principal({}));
    await expect(service.overview({ duty: 'NO_SUCH_DUTY' })).rejects.toThrow('There is no duty NO_SUCH_DUTY');
  });
});
