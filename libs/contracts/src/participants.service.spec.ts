import type { BillingImpactAssessor, ReferenceDataReader } from '@wmo/reference-data';
import type { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import type { ContractEntity, ContractExceptionEntity, ParticipationEntity } from './contract.entities';
import type { ContractExceptionRepository } from './contract-exception.repository';
import type { ContractLoader } from './contract-loader';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import type { CoverageGuard } from './coverage-guard';
import { ParticipantsService } from './participants.service';
import type { ParticipationRepository } from './participation.repository';

const municipality = (code: string, name: string, validTo: string | null = null) => ({
  code,
  name,
  provinceCode: 'PV22',
  provinceName: 'Drenthe',
  validFrom: null,
  validTo,
});
const ASSEN = municipality('GM0106', 'Assen');
const AMSTERDAM = municipality('GM0363', 'Amsterdam');
const GRONINGEN = municipality('GM0014', 'Groningen');

const contract = {
  id: 'c1',
  reference: 'VNG-SEN-2025',
  status: 'ACTIVE',
  kind: 'COLLECTIVE',
  dutyCode: 'WMO2015_2_2_4_1B',
  contractingOrganisationId: 'org-vng',
  supplierId: 'org-sensoor',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
} as ContractEntity;

const g4 = {
  municipalityCode: 'GM0363',
  kind: 'EXCLUDED',
  reason: 'G4: eigen contract',
  fromDate: '2025-01-01',
  toDate: null,
} as ContractExceptionEntity;

/** The service with hand-made fakes: Amsterdam is excepted, Groningen covered by another contract. */
function setUp() {
  const audit = jest.fn();
  const tx = { audit, principal: {} } as unknown as TenantTransaction;
  const db = { transaction: (work: (t: TenantTransaction) => unknown) => work(tx) } as unknown as ScopedDatabase;
  const participations = {
    forContract: jest.fn().mockResolvedValue([]),
    forMunicipality: jest.fn().mockResolvedValue([]),
    insertMany: jest.fn().mockResolvedValue(undefined),
  };
  const exceptions = {
    forContract: jest.fn().mockResolvedValue([g4]),
    forMunicipality: jest.fn((_tx: unknown, _id: string, code: string) =>
      Promise.resolve(code === 'GM0363' ? [g4] : []),
    ),
  };
  const loader = { findManaged: jest.fn().mockResolvedValue(contract) };
  const coverage = {
    lock: jest.fn().mockResolvedValue(undefined),
    unscopedConflicts: jest.fn((_tx: unknown, _duty: string, candidates: Array<{ code: string }>) =>
      Promise.resolve(
        candidates
          .filter((c) => c.code === 'GM0014')
          .map((c) => ({ ...c, contractId: 'c2', contractReference: 'GM0014-EIGEN', from: '2025-01-01', to: null })),
      ),
    ),
  };
  const all = [GRONINGEN, ASSEN, AMSTERDAM];
  const referenceData = {
    municipality: jest.fn((_tx: unknown, code: string) => Promise.resolve(all.find((m) => m.code === code) ?? null)),
    municipalities: jest.fn((_tx: unknown, codes: string[]) =>
      Promise.resolve(all.filter((m) => codes.includes(m.code))),
    ),
    municipalitiesExistingOn: jest.fn().mockResolvedValue(all),
  };
  const service = new ParticipantsService(
    db,
    participations as unknown as ParticipationRepository,
    exceptions as unknown as ContractExceptionRepository,
    loader as unknown as ContractLoader,
    coverage as unknown as CoverageGuard,
    referenceData as unknown as ReferenceDataReader,
    { ofContractChange: jest.fn().mockResolvedValue(null) } as unknown as BillingImpactAssessor,
  );
  return { service, tx, audit, participations, coverage };
}

describe('ParticipantsService: one enrolment rule for one municipality and for all of a year', () => {
  it('enrols Assen alone for the rest of the contract, under the coverage lock, audited', async () => {
    const { service, tx, audit, participations, coverage } = setUp();
    const result = await service.add('c1', { code: 'GM0106', from: '2025-03-01' });
    expect(result).toEqual({
      enrolled: [{ code: 'GM0106', name: 'Assen', from: '2025-03-01', to: '2025-12-31', origin: 'ENROLMENT' }],
      skipped: [],
      billingImpact: null,
    });
    expect(coverage.lock).toHaveBeenCalledWith(tx, 'WMO2015_2_2_4_1B', ['GM0106']);
    expect(participations.insertMany).toHaveBeenCalledTimes(1);
    expect(audit).toHaveBeenCalledWith(expect.objectContaining({ action: 'contract.participants-added' }));
  });

  it('refuses excepted Amsterdam alone (409) and skips it among all, with the same reason', async () => {
    const { service } = setUp();
    const error = await service.add('c1', { code: 'GM0363', from: '2025-01-01' }).catch((e: ContractsError) => e);
    expect((error as ContractsError).code).toBe(ContractsErrorCode.MunicipalityExcepted);
    const all = await service.add('c1', { all: true, year: 2025 });
    expect(all.skipped).toContainEqual({ code: 'GM0363', reason: 'excepted: G4: eigen contract' });
  });

  it('refuses Groningen, covered by another contract, alone (409 naming it) and skips it among all', async () => {
    const { service } = setUp();
    const error = await service.add('c1', { code: 'GM0014', from: '2025-01-01' }).catch((e: ContractsError) => e);
    expect((error as ContractsError).code).toBe(ContractsErrorCode.DoubleCoverage);
    expect((error as ContractsError).extensions).toMatchObject({
      conflictingContract: { id: 'c2', reference: 'GM0014-EIGEN' },
    });
    const all = await service.add('c1', { all: true, year: 2025 });
    expect(all).toEqual({
      enrolled: [{ code: 'GM0106', name: 'Assen', from: '2025-01-01', to: '2025-12-31', origin: 'ENROLMENT' }],
      skipped: [
        { code: 'GM0014', reason: 'covered by contract GM0014-EIGEN' },
        { code: 'GM0363', reason: 'excepted: G4: eigen contract' },
      ],
      billingImpact: null,
    });
  });

  it('skips a municipality already taking part in the contract', async () => {
    const { service, participations } = setUp();
    participations.forContract.mockResolvedValue([
      { municipalityCode: 'GM0106', fromDate: '2025-01-01', toDate: null } as ParticipationEntity,
    ]);
    const all = await service.add('c1', { all: true, year: 2025 });
    expect(all.enrolled).toEqual([]);
    expect(all.skipped).toContainEqual({ code: 'GM0106', reason: 'already takes part' });
  });
});
