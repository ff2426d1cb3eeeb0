import type { CoverageContract, CoverageReader } from '@wmo/contracts';
import { ALWAYS } from '@wmo/domain';
import type { Principal, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import type { CoverageSnapshots } from './coverage-snapshot';
import type { CoverageSnapshot } from './judgement.rules';
import { ObligationsService } from './obligations.service';
import { municipality, principal, scopedDatabase, WMO } from './testing/fixtures';

const ASSEN = municipality('GM0106', 'Assen');
const CONTRACT = {
  id: 'a',
  reference: 'VNG-SEN-2018',
  title: 'Luisterend oor',
  kind: 'COLLECTIVE',
  fundingModel: 'FUND_WITHHOLDING',
  vatRate: '0.00',
  referenceDateRule: 'JANUARY_FIRST_PREVIOUS_YEAR',
  supplierId: 'sensoor',
  supplierName: 'Stichting Sensoor',
  contractingName: 'VNG',
  tariffs: [{ from: '2018-01-01', to: null, perInhabitant: '0.25' }],
  services: [
    {
      id: 's',
      name: 'Luisterend oor',
      channels: [
        { id: 'c', kind: 'PHONE', counts: true, contact: null, schedule: ALWAYS, closures: [], closureList: [] },
      ],
    },
  ],
} as unknown as CoverageContract;
const SNAPSHOT: CoverageSnapshot = {
  duties: [WMO],
  municipalities: new Map([['GM0106', ASSEN]]),
  contracts: new Map([['a', CONTRACT]]),
  coverage: new Map([['WMO2015_2_2_4_1B:GM0106', [{ contractId: 'a', from: '2018-01-01', to: null }]]]),
};

function setUp(caller: Principal, snapshot = SNAPSHOT, serves = false) {
  const { platform, tx, db } = scopedDatabase(caller);
  const coverage = { servesMunicipality: jest.fn(() => Promise.resolve(serves)) };
  const snapshots = {
    load: jest.fn(() => Promise.resolve(snapshot)),
    costBasis: jest.fn(() =>
      Promise.resolve({ figures: new Map([['2024-01-01', new Map([['GM0106', 69_701]])]]), changes: [] }),
    ),
  };
  const service = new ObligationsService(
    db as unknown as ScopedDatabase,
    coverage as unknown as CoverageReader,
    snapshots as unknown as CoverageSnapshots,
  );
  return { service, tx: tx as unknown as TenantTransaction, fakeTx: tx, platform, db, coverage, snapshots };
}

describe('the obligations of a municipality', () => {
  it('one tenant transaction: the coverage and the figures read as the platform within it', async () => {
    const { service, platform, db, coverage, snapshots } = setUp(principal({ municipalityCode: 'GM0106' }));
    const answer = await service.obligations('GM0106', { year: 2025 });
    expect(db.transaction).toHaveBeenCalledTimes(1);
    expect(coverage.servesMunicipality).not.toHaveBeenCalled();
    expect(snapshots.load).toHaveBeenCalledWith(platform, ['GM0106']);
    expect(snapshots.costBasis).toHaveBeenCalledWith(platform, SNAPSHOT, 2025);
    expect(answer.status).toBe('COMPLIANT');
    expect(answer.duties[0].cost.totalCents).toBe(1_742_525);
    expect(answer.duties[0].coverage.map((c) => c.contract.fundingRoute)).toEqual([
      'Uitname uit het gemeentefonds (collectief via de VNG)',
    ]);
  });

  it('a provider is asked about in its own view, and one that does not serve the municipality reads nothing more', async () => {
    const { service, tx, fakeTx, coverage, snapshots } = setUp(
      principal({ organisationKind: 'PROVIDER', organisationId: 'p' }),
    );
    await expect(service.obligations('GM0106', { year: 2025 })).rejects.toThrow(
      'There is no municipality GM0106 whose obligations you can see.',
    );
    expect(coverage.servesMunicipality).toHaveBeenCalledWith(tx, 'p', 'GM0106');
    expect(fakeTx.unscopedWithin).not.toHaveBeenCalled();
    expect(snapshots.load).not.toHaveBeenCalled();
  });

  it('a provider that serves the municipality sees the answer', async () => {
    const { service } = setUp(principal({ organisationKind: 'PROVIDER', organisationId: 'sensoor' }), SNAPSHOT, true);
    expect((await service.obligations('GM0106', { date: '2025-06-15' })).status).toBe('COMPLIANT');
  });

  it('another municipality is a 404 without a query', async () => {
    const { service, coverage, snapshots } = setUp(principal({ municipalityCode: 'GM0014' }));
    await expect(service.obligations('GM0106', {})).rejects.toThrow(
      'There is no municipality GM0106 whose obligations you can see.',
    );
    expect(coverage.servesMunicipality).not.toHaveBeenCalled();
    expect(snapshots.load).not.toHaveBeenCalled();
  });

  it('a code the reference data does not know is a 404, and no figures are read', async () => {
    const { service, snapshots } = setUp(principal({ organisationKind: 'ASSOCIATION' }), {
      ...SNAPSHOT,
      municipalities: new Map(),
    });
    await expect(service.obligations('GM0106', {})).rejects.toThrow(
      'There is no municipality GM0106 whose obligations you can see.',
    );
    expect(snapshots.costBasis).not.toHaveBeenCalled();
  });

  it('the report reuses the running transaction', async () => {
    const { service, tx, db } = setUp(principal({ municipalityCode: 'GM0106' }));
    expect((await service.obligationsWithin(tx, 'GM0106', { year: 2025, duty: WMO.code })).duties).toHaveLength(1);
    expect(db.transaction).not.toHaveBeenCalled();
  });
});
