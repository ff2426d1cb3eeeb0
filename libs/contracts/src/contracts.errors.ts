import { ErrorCatalogue, FeatureError } from '@wmo/common';

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
  ClosureNotFound = 'CLOSURE_NOT_FOUND',
  ClosurePast = 'CLOSURE_PAST',
}

const CONTRACTS_ERRORS: ErrorCatalogue<ContractsErrorCode> = {
  [ContractsErrorCode.ProviderNotFound]: { status: 404, title: 'Provider not found' },
  [ContractsErrorCode.ServiceNotFound]: { status: 404, title: 'Service not found' },
  [ContractsErrorCode.DutyNotFound]: { status: 404, title: 'Duty not found' },
  [ContractsErrorCode.ContractNotFound]: { status: 404, title: 'Contract not found' },
  [ContractsErrorCode.MunicipalityNotFound]: { status: 404, title: 'Municipality not found' },
  [ContractsErrorCode.ParticipationNotFound]: { status: 404, title: 'Participation not found' },
  [ContractsErrorCode.NotContractManager]: { status: 403, title: 'Only the contracting party manages this contract' },
  [ContractsErrorCode.ContractNotDraft]: { status: 409, title: 'The contract is no longer a draft' },
  [ContractsErrorCode.ContractNotActive]: { status: 409, title: 'The contract is not active' },
  [ContractsErrorCode.TariffOverlap]: { status: 409, title: 'Tariffs overlap' },
  [ContractsErrorCode.DoubleCoverage]: { status: 409, title: 'Municipality already covered for this duty' },
  [ContractsErrorCode.MunicipalityExcepted]: { status: 409, title: 'Municipality is excepted from this contract' },
  [ContractsErrorCode.AlreadyParticipating]: { status: 409, title: 'Municipality already participates' },
  [ContractsErrorCode.OutsideContractTerm]: { status: 422, title: 'Outside the contract term' },
  [ContractsErrorCode.MunicipalityNotExisting]: { status: 422, title: 'Municipality does not exist then' },
  [ContractsErrorCode.InvalidContract]: { status: 422, title: 'The contract cannot be activated' },
  [ContractsErrorCode.InvoicePrefixTaken]: { status: 409, title: 'Invoice prefix already in use' },
  [ContractsErrorCode.ClosureNotFound]: { status: 404, title: 'Closure not found' },
  [ContractsErrorCode.ClosurePast]: { status: 409, title: 'The closure is over' },
};

export class ContractsError extends FeatureError<ContractsErrorCode> {
  protected catalogue(): ErrorCatalogue<ContractsErrorCode> {
    return CONTRACTS_ERRORS;
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
