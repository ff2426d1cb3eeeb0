import { assertUnreachable, DomainError } from '@wmo/common';

export enum ContractsErrorCode {
  ProviderNotFound = 'PROVIDER_NOT_FOUND',
  ServiceNotFound = 'SERVICE_NOT_FOUND',
  DutyNotFound = 'DUTY_NOT_FOUND',
  ContractNotFound = 'CONTRACT_NOT_FOUND',
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  ParticipationNotFound = 'PARTICIPATION_NOT_FOUND',
  NotContractManager = 'NOT_CONTRACT_MANAGER',
  ContractNotDraft = 'CONTRACT_NOT_DRAFT',
  ContractNotActive = 'CONTRACT_NOT_ACTIVE',
  TariffOverlap = 'TARIFF_OVERLAP',
  DoubleCoverage = 'DOUBLE_COVERAGE',
  MunicipalityExcepted = 'MUNICIPALITY_EXCEPTED',
  AlreadyParticipating = 'ALREADY_PARTICIPATING',
  OutsideContractTerm = 'OUTSIDE_CONTRACT_TERM',
  MunicipalityNotExisting = 'MUNICIPALITY_NOT_EXISTING',
  InvalidContract = 'INVALID_CONTRACT',
  InvoicePrefixTaken = 'INVOICE_PREFIX_TAKEN',
}

const TITLES: Record<ContractsErrorCode, string> = {
  [ContractsErrorCode.ProviderNotFound]: 'Provider not found',
  [ContractsErrorCode.ServiceNotFound]: 'Service not found',
  [ContractsErrorCode.DutyNotFound]: 'Duty not found',
  [ContractsErrorCode.ContractNotFound]: 'Contract not found',
  [ContractsErrorCode.MunicipalityNotFound]: 'Municipality not found',
  [ContractsErrorCode.ParticipationNotFound]: 'Participation not found',
  [ContractsErrorCode.NotContractManager]: 'Only the contracting party manages this contract',
  [ContractsErrorCode.ContractNotDraft]: 'The contract is no longer a draft',
  [ContractsErrorCode.ContractNotActive]: 'The contract is not active',
  [ContractsErrorCode.TariffOverlap]: 'Tariffs overlap',
  [ContractsErrorCode.DoubleCoverage]: 'Municipality already covered for this duty',
  [ContractsErrorCode.MunicipalityExcepted]: 'Municipality is excepted from this contract',
  [ContractsErrorCode.AlreadyParticipating]: 'Municipality already participates',
  [ContractsErrorCode.OutsideContractTerm]: 'Outside the contract term',
  [ContractsErrorCode.MunicipalityNotExisting]: 'Municipality does not exist then',
  [ContractsErrorCode.InvalidContract]: 'The contract cannot be activated',
  [ContractsErrorCode.InvoicePrefixTaken]: 'Invoice prefix already in use',
};

export class ContractsError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: ContractsErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case ContractsErrorCode.ProviderNotFound:
      case ContractsErrorCode.ServiceNotFound:
      case ContractsErrorCode.DutyNotFound:
      case ContractsErrorCode.ContractNotFound:
      case ContractsErrorCode.MunicipalityNotFound:
      case ContractsErrorCode.ParticipationNotFound:
        return 404;
      case ContractsErrorCode.NotContractManager:
        return 403;
      case ContractsErrorCode.ContractNotDraft:
      case ContractsErrorCode.ContractNotActive:
      case ContractsErrorCode.TariffOverlap:
      case ContractsErrorCode.DoubleCoverage:
      case ContractsErrorCode.MunicipalityExcepted:
      case ContractsErrorCode.AlreadyParticipating:
      case ContractsErrorCode.InvoicePrefixTaken:
        return 409;
      case ContractsErrorCode.OutsideContractTerm:
      case ContractsErrorCode.MunicipalityNotExisting:
      case ContractsErrorCode.InvalidContract:
        return 422;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const contractNotFound = (id: string) =>
  new ContractsError(ContractsErrorCode.ContractNotFound, `There is no contract ${id} that you can see.`);

export const providerNotFound = (id: string) =>
  new ContractsError(ContractsErrorCode.ProviderNotFound, `There is no provider ${id} that you can see.`);

/** The 409 of "a municipality is never in two active contracts for the same duty on the same day", naming the other contract. */
export function doubleCoverage(
  code: string,
  reference: string,
  contractId: string,
  conflicts: unknown[] = [],
): ContractsError {
  return new ContractsError(
    ContractsErrorCode.DoubleCoverage,
    `${code} is already covered for this duty by contract ${reference} on some of those days; a municipality is never in two active contracts for the same duty on the same day.`,
    { conflictingContract: { id: contractId, reference }, conflicts },
  );
}

/** A unique key refused the row: PostgreSQL's 23505, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const {
    code,
    constraint: own,
    driverError,
  } = error as {
    code?: string;
    constraint?: string;
    driverError?: { constraint?: string };
  };
  return code === '23505' && (constraint === undefined || (driverError?.constraint ?? own) === constraint);
}
