import { RequestValidationError } from '@wmo/common';
import type { Principal, Role } from '@wmo/tenancy';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import {
  activationProblems,
  assertActivatable,
  assertAmendable,
  assertCanManage,
  assertExistsOnStart,
  assertNotYetActivated,
  assertOpenForParticipants,
  assertParticipantsWithinTerm,
  assertTerminable,
  assertTerms,
  canManage,
  ContractFacts,
  contractingParty,
  defaultVatRate,
  displayStatus,
  generatedReference,
  minEnd,
  municipalityVisibility,
} from './contracts.rules';
import { thrown } from '../../../test/unit/support/thrown';

const VNG = 'org-vng';
const ASSEN = 'org-assen';

const principal = (over: Partial<Principal> & { roles: Role[] }): Principal => ({
  kind: 'user',
  id: 'user-1',
  userId: 'user-1',
  apiKeyId: null,
  organisationId: VNG,
  organisationKind: 'ASSOCIATION',
  municipalityCode: null,
  ...over,
});
const vngManager = principal({ roles: ['CONTRACT_MANAGER'] });
const vngAdmin = principal({ roles: ['ORG_ADMIN'] });
const operator = principal({ organisationId: 'org-platform', organisationKind: 'OPERATOR', roles: ['OPERATOR'] });
const assenAdmin = principal({
  organisationId: ASSEN,
  organisationKind: 'MUNICIPALITY',
  municipalityCode: 'GM0106',
  roles: ['ORG_ADMIN'],
});
const assenOfficer = { ...assenAdmin, roles: ['OFFICER'] as Role[] };
const sensoor = principal({ organisationId: 'org-sensoor', organisationKind: 'PROVIDER', roles: ['PROVIDER_ADMIN'] });

const contract = (over: Partial<ContractFacts> = {}): ContractFacts => ({
  reference: 'VNG-SEN-2025',
  status: 'DRAFT',
  kind: 'COLLECTIVE',
  contractingOrganisationId: VNG,
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  ...over,
});

const codeOf = (work: () => unknown) => (thrown(work) as ContractsError).code;
const fieldsOf = (work: () => unknown) => (thrown(work) as RequestValidationError).fieldErrors.map((e) => e.field);

describe('canManage: the contracting party and the operator change a contract', () => {
  it("lets the association's CONTRACT_MANAGER manage its collective contract", () => {
    expect(canManage(vngManager, contract())).toBe(true);
  });

  it("refuses the association's ORG_ADMIN without CONTRACT_MANAGER", () => {
    expect(canManage(vngAdmin, contract())).toBe(false);
  });

  it("lets a municipality's ORG_ADMIN manage its own individual contract, not its OFFICER", () => {
    const own = contract({ kind: 'INDIVIDUAL', contractingOrganisationId: ASSEN });
    expect(canManage(assenAdmin, own)).toBe(true);
    expect(canManage(assenOfficer, own)).toBe(false);
  });

  it('refuses the supplier and another organisation; allows the operator everything', () => {
    expect(canManage(sensoor, contract())).toBe(false);
    expect(canManage(assenAdmin, contract())).toBe(false);
    expect(canManage(operator, contract())).toBe(true);
  });

  it('answers a reader who may not change the contract with 403 NOT_CONTRACT_MANAGER naming it', () => {
    const error = thrown(() => assertCanManage(sensoor, contract())) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.NotContractManager);
    expect(error.httpStatus()).toBe(403);
    expect(error.message).toContain('VNG-SEN-2025 is managed by its contracting party');
  });
});

describe('displayStatus', () => {
  it('shows an active contract past its end date as ENDED', () => {
    expect(displayStatus({ status: 'ACTIVE', endDate: '2024-12-31' }, '2025-01-01')).toBe('ENDED');
  });

  it('keeps ACTIVE on its last day and when open-ended', () => {
    expect(displayStatus({ status: 'ACTIVE', endDate: '2025-01-01' }, '2025-01-01')).toBe('ACTIVE');
    expect(displayStatus({ status: 'ACTIVE', endDate: null }, '2099-01-01')).toBe('ACTIVE');
  });

  it('never turns a draft or a terminated contract into ENDED', () => {
    expect(displayStatus({ status: 'DRAFT', endDate: '2020-12-31' }, '2025-01-01')).toBe('DRAFT');
    expect(displayStatus({ status: 'TERMINATED', endDate: '2020-12-31' }, '2025-01-01')).toBe('TERMINATED');
  });
});

describe('VAT and term order (defaultVatRate, assertTerms)', () => {
  const terms = { startDate: '2025-01-01', endDate: '2025-12-31', vatCategory: 'S', vatRate: '21.00' };

  it('defaults standard-rated VAT to 21.00 and every other category to 0.00', () => {
    expect(defaultVatRate('S')).toBe('21.00');
    expect(['E', 'O', 'Z'].map(defaultVatRate)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('accepts standard-rated 21% and exempt 0% with a reason', () => {
    expect(() => assertTerms(terms)).not.toThrow();
    expect(() =>
      assertTerms({ ...terms, vatCategory: 'E', vatRate: '0.00', vatExemptionReason: 'art. 11' }),
    ).not.toThrow();
  });

  it('refuses an end before the start (field endDate); the same day is a one-day term', () => {
    expect(fieldsOf(() => assertTerms({ ...terms, endDate: '2024-12-31' }))).toEqual(['endDate']);
    expect(() => assertTerms({ ...terms, endDate: '2025-01-01' })).not.toThrow();
  });

  it('refuses S at 0% and Z at 9%', () => {
    expect(fieldsOf(() => assertTerms({ ...terms, vatRate: '0' }))).toEqual(['vatRate']);
    expect(fieldsOf(() => assertTerms({ ...terms, vatCategory: 'Z', vatRate: '9.00' }))).toEqual(['vatRate']);
  });

  it('needs an exemption reason for E and O, not for Z, listing every problem at once', () => {
    expect(fieldsOf(() => assertTerms({ ...terms, vatCategory: 'O', vatRate: '0.00' }))).toEqual([
      'vatExemptionReason',
    ]);
    expect(() => assertTerms({ ...terms, vatCategory: 'Z', vatRate: '0.00' })).not.toThrow();
    expect(fieldsOf(() => assertTerms({ ...terms, endDate: '2024-01-01', vatCategory: 'E', vatRate: '21' }))).toEqual([
      'endDate',
      'vatRate',
      'vatExemptionReason',
    ]);
  });
});

describe('minEnd: the earlier of two ends, null being open-ended', () => {
  it('takes the earlier date, and the other one when one is open', () => {
    expect(minEnd('2025-12-31', '2025-06-30')).toBe('2025-06-30');
    expect(minEnd(null, '2025-06-30')).toBe('2025-06-30');
    expect(minEnd('2025-12-31', null)).toBe('2025-12-31');
    expect(minEnd(null, null)).toBeNull();
  });
});

describe('the contracting party of a new contract', () => {
  it("is the caller for the association's CONTRACT_MANAGER, the oldest association for an operator", () => {
    expect(contractingParty(vngManager, { kind: 'COLLECTIVE' })).toEqual({ kind: 'CALLER' });
    expect(contractingParty(operator, { kind: 'COLLECTIVE' })).toEqual({ kind: 'OLDEST_ASSOCIATION' });
  });

  it('refuses a collective contract from anyone else (403) and with a municipality (400)', () => {
    expect(codeOf(() => contractingParty(assenAdmin, { kind: 'COLLECTIVE' }))).toBe(
      ContractsErrorCode.NotContractManager,
    );
    expect(fieldsOf(() => contractingParty(vngManager, { kind: 'COLLECTIVE', municipalityCode: 'GM0106' }))).toEqual([
      'municipalityCode',
    ]);
  });

  it('is the municipality itself for its ORG_ADMIN, by default its own code', () => {
    expect(contractingParty(assenAdmin, { kind: 'INDIVIDUAL' })).toEqual({
      kind: 'MUNICIPALITY',
      municipalityCode: 'GM0106',
    });
    expect(contractingParty(operator, { kind: 'INDIVIDUAL', municipalityCode: 'GM0363' })).toEqual({
      kind: 'MUNICIPALITY',
      municipalityCode: 'GM0363',
    });
  });

  it('hides another municipality (404), refuses the officer (403), needs a code from the VNG (400)', () => {
    expect(codeOf(() => contractingParty(assenAdmin, { kind: 'INDIVIDUAL', municipalityCode: 'GM0363' }))).toBe(
      ContractsErrorCode.MunicipalityNotFound,
    );
    expect(codeOf(() => contractingParty(assenOfficer, { kind: 'INDIVIDUAL' }))).toBe(
      ContractsErrorCode.NotContractManager,
    );
    expect(fieldsOf(() => contractingParty(vngManager, { kind: 'INDIVIDUAL' }))).toEqual(['municipalityCode']);
    expect(codeOf(() => contractingParty(vngManager, { kind: 'INDIVIDUAL', municipalityCode: 'GM0106' }))).toBe(
      ContractsErrorCode.NotContractManager,
    );
  });
});

describe('activation checks: a service, a tariff on the start date, tariffs within the term', () => {
  const tariff = (validFrom: string, validTo: string | null) => ({ validFrom, validTo });

  it('finds nothing wrong with a service and one tariff over the whole term', () => {
    expect(activationProblems(contract(), 1, [tariff('2025-01-01', '2025-12-31')])).toEqual([]);
  });

  it('lists a missing service and a missing tariff together', () => {
    expect(activationProblems(contract(), 0, [])).toEqual([
      'it covers no service',
      'no tariff is in force on its start date 2025-01-01',
    ]);
  });

  it('needs the earliest tariff to start on or before the start date', () => {
    expect(
      activationProblems(contract(), 1, [tariff('2025-07-01', '2025-12-31'), tariff('2025-02-01', '2025-06-30')]),
    ).toEqual(['no tariff is in force on its start date 2025-01-01']);
  });

  it('names the tariffs outside the term by their start, an open-ended one on a fixed term included', () => {
    expect(activationProblems(contract(), 1, [tariff('2025-01-01', '2025-06-30'), tariff('2025-07-01', null)])).toEqual(
      ['tariffs lie outside its term (from 2025-07-01)'],
    );
  });

  it('answers 422 INVALID_CONTRACT with the problems, and 409 for a contract that is no draft', () => {
    const error = thrown(() => assertActivatable(contract(), 0, [tariff('2025-01-01', null)])) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.InvalidContract);
    expect(error.message).toBe(
      'Contract VNG-SEN-2025 cannot be activated: it covers no service; tariffs lie outside its term (from 2025-01-01).',
    );
    expect(error.extensions).toEqual({
      problems: ['it covers no service', 'tariffs lie outside its term (from 2025-01-01)'],
    });
    expect(codeOf(() => assertNotYetActivated(contract({ status: 'ACTIVE', endDate: null })))).toBe(
      ContractsErrorCode.ContractNotDraft,
    );
  });

  it('refuses an individual contract whose municipality no longer exists on the start date', () => {
    const ended = { code: 'GM0005', name: 'Bedum', validFrom: null, validTo: '2018-12-31' };
    expect(() => assertExistsOnStart(ended, '2018-12-31')).not.toThrow();
    expect((thrown(() => assertExistsOnStart(ended, '2019-01-01')) as ContractsError).message).toBe(
      "Bedum (GM0005) does not exist on the contract's start date 2019-01-01 (it ended 2018-12-31).",
    );
  });

  it('refuses participants outside the term, naming them', () => {
    const error = thrown(() =>
      assertParticipantsWithinTerm(contract(), [
        { municipalityCode: 'GM0106', fromDate: '2025-01-01', toDate: '2025-12-31' },
        { municipalityCode: 'GM0014', fromDate: '2025-01-01', toDate: null },
      ]),
    ) as ContractsError;
    expect(error.code).toBe(ContractsErrorCode.OutsideContractTerm);
    expect(error.message).toBe('Participants lie outside the contract term: GM0014.');
  });
});

describe('termination and amendment dates', () => {
  const active = contract({ status: 'ACTIVE' });

  it('terminates an active contract on a day within its term, its first and last day included', () => {
    expect(() => assertTerminable(active, '2025-01-01')).not.toThrow();
    expect(() => assertTerminable(active, '2025-12-31')).not.toThrow();
    expect(codeOf(() => assertTerminable(active, '2026-01-01'))).toBe(ContractsErrorCode.OutsideContractTerm);
    expect(codeOf(() => assertTerminable(contract(), '2025-06-30'))).toBe(ContractsErrorCode.ContractNotActive);
  });

  it('amends only an active contract, hinting at editing a draft', () => {
    expect((thrown(() => assertAmendable(contract(), '2025-06-01')) as ContractsError).message).toBe(
      'Amendments apply to active contracts; VNG-SEN-2025 is DRAFT (edit the draft instead).',
    );
    expect(codeOf(() => assertAmendable(active, '2024-12-31'))).toBe(ContractsErrorCode.OutsideContractTerm);
    expect(() => assertAmendable({ ...active, endDate: null }, '2030-01-01')).not.toThrow();
  });

  it('lets participants join drafts and active contracts, not terminated ones', () => {
    expect(() => assertOpenForParticipants(contract())).not.toThrow();
    expect(codeOf(() => assertOpenForParticipants(contract({ status: 'TERMINATED' })))).toBe(
      ContractsErrorCode.ContractNotActive,
    );
  });
});

describe("who may look at a municipality's contracts", () => {
  it('shows the operator everything and a municipality only itself', () => {
    expect(municipalityVisibility(operator, 'GM0363')).toBe('VISIBLE');
    expect(municipalityVisibility(assenOfficer, 'GM0106')).toBe('VISIBLE');
    expect(municipalityVisibility(assenOfficer, 'GM0363')).toBe('HIDDEN');
  });

  it('leaves the VNG and providers to the participations they can see', () => {
    expect(municipalityVisibility(vngManager, 'GM0106')).toBe('PARTICIPATION');
    expect(municipalityVisibility(sensoor, 'GM0106')).toBe('PARTICIPATION');
  });
});

describe('generated references', () => {
  it('are the invoice prefix, the start year and six capitals or digits', () => {
    expect(generatedReference('SEN', '2025-03-01', 0.123456789)).toMatch(/^SEN-2025-[0-9A-Z]{6}$/);
  });
});
