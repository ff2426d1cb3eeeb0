import { RequestValidationError } from '@wmo/common';
import { IsoDate, isValidOn, Period, periodContains, todayInAmsterdam, Validity } from '@wmo/domain';
import { hasRole, isOperator, Principal } from '@wmo/tenancy';
import { ContractKind, ContractStatus } from './contracts.constants';
import { ContractsError, ContractsErrorCode } from './contracts.errors';

/** What the rules need to know of a contract: its parties, status and term. */
export interface ContractFacts {
  reference: string;
  status: ContractStatus;
  kind: ContractKind;
  contractingOrganisationId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

const termOf = (contract: Pick<ContractFacts, 'startDate' | 'endDate'>): Period => ({
  from: contract.startDate,
  to: contract.endDate,
});

const termText = (contract: Pick<ContractFacts, 'startDate' | 'endDate'>) =>
  `${contract.startDate} to ${contract.endDate ?? 'open-ended'}`;

/** The status as people read it: an active contract past its end date has ENDED. */
export function displayStatus(
  contract: Pick<ContractFacts, 'status' | 'endDate'>,
  today = todayInAmsterdam(),
): ContractStatus {
  return contract.status === 'ACTIVE' && contract.endDate !== null && contract.endDate < today
    ? 'ENDED'
    : contract.status;
}

/**
 * Who may change a contract: the contracting party (a CONTRACT_MANAGER of the association for a
 * collective contract, an ORG_ADMIN of the municipality for its own) and the operator.
 */
export function canManage(principal: Principal, contract: Pick<ContractFacts, 'contractingOrganisationId'>): boolean {
  if (isOperator(principal)) return true;
  if (principal.organisationId !== contract.contractingOrganisationId) return false;
  return principal.organisationKind === 'MUNICIPALITY'
    ? hasRole(principal, 'ORG_ADMIN')
    : hasRole(principal, 'CONTRACT_MANAGER');
}

/** A reader who may not change the contract gets a 403, not the 404 the row-level policy for updates would give. */
export function assertCanManage(
  principal: Principal,
  contract: Pick<ContractFacts, 'contractingOrganisationId' | 'reference'>,
): void {
  if (!canManage(principal, contract)) {
    throw new ContractsError(
      ContractsErrorCode.NotContractManager,
      `Contract ${contract.reference} is managed by its contracting party; you can read it but not change it.`,
    );
  }
}

export function defaultVatRate(category: string): string {
  return category === 'S' ? '21.00' : '0.00';
}

/** The contract's own consistency: term order and VAT. */
export function assertTerms(terms: {
  startDate: IsoDate;
  endDate: IsoDate | null;
  vatCategory: string;
  vatRate: string;
  vatExemptionReason?: string | null;
}): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (terms.endDate !== null && terms.endDate < terms.startDate)
    errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
  const rate = Number(terms.vatRate);
  if (terms.vatCategory === 'S' && !(rate > 0))
    errors.push({ field: 'vatRate', message: 'standard-rated VAT (S) needs a rate above 0' });
  if (terms.vatCategory !== 'S' && rate !== 0)
    errors.push({ field: 'vatRate', message: `VAT category ${terms.vatCategory} has rate 0` });
  if ((terms.vatCategory === 'E' || terms.vatCategory === 'O') && !terms.vatExemptionReason) {
    errors.push({
      field: 'vatExemptionReason',
      message: `VAT category ${terms.vatCategory} needs an exemption reason on the invoice`,
    });
  }
  if (errors.length) throw new RequestValidationError(errors);
}

/** The earlier of two ends, where null is open-ended. */
export function minEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** A contract cannot start before its duty is in force. */
export function assertDutyInForce(duty: { code: string; inForceFrom: IsoDate }, startDate: IsoDate): void {
  if (startDate < duty.inForceFrom) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `The duty ${duty.code} is in force from ${duty.inForceFrom}; the contract cannot start before (${startDate}).`,
    );
  }
}

/**
 * Who the contracting party of a new contract is, as far as the caller decides it: the
 * association (the VNG) for a collective contract, a municipality for an individual one. Only
 * the association's CONTRACT_MANAGER makes collective contracts (an operator on its behalf), only
 * the municipality's own ORG_ADMIN individual ones (or an operator). The service resolves the
 * answer to an organisation.
 */
export type ContractingParty =
  { kind: 'CALLER' } | { kind: 'OLDEST_ASSOCIATION' } | { kind: 'MUNICIPALITY'; municipalityCode: string };

export function contractingParty(
  principal: Principal,
  dto: { kind: ContractKind; municipalityCode?: string },
): ContractingParty {
  if (dto.kind === 'COLLECTIVE') {
    if (dto.municipalityCode)
      throw new RequestValidationError([
        { field: 'municipalityCode', message: 'a collective contract has no contracting municipality' },
      ]);
    if (isOperator(principal)) return { kind: 'OLDEST_ASSOCIATION' };
    if (!(principal.organisationKind === 'ASSOCIATION' && hasRole(principal, 'CONTRACT_MANAGER'))) {
      throw new ContractsError(
        ContractsErrorCode.NotContractManager,
        'Collective contracts are made by a CONTRACT_MANAGER of the association (the VNG).',
      );
    }
    return { kind: 'CALLER' };
  }
  const code = dto.municipalityCode ?? principal.municipalityCode;
  if (!code)
    throw new RequestValidationError([
      { field: 'municipalityCode', message: 'an individual contract needs the contracting municipality' },
    ]);
  if (!isOperator(principal) && (principal.municipalityCode !== code || !hasRole(principal, 'ORG_ADMIN'))) {
    if (principal.municipalityCode !== code && principal.organisationKind === 'MUNICIPALITY')
      throw new ContractsError(
        ContractsErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} that you act for.`,
      );
    throw new ContractsError(
      ContractsErrorCode.NotContractManager,
      'An individual contract is made by an ORG_ADMIN of the municipality itself.',
    );
  }
  return { kind: 'MUNICIPALITY', municipalityCode: code };
}

/** Only a draft is edited directly; an active contract changes through dated amendments. */
export function assertDraftEditable(contract: ContractFacts, id: string): void {
  if (contract.status !== 'DRAFT') {
    throw new ContractsError(
      ContractsErrorCode.ContractNotDraft,
      `Contract ${contract.reference} is ${displayStatus(contract)}; change it with a dated amendment (POST /contracts/${id}/amendments).`,
    );
  }
}

/** Tariffs are added to a draft; an active contract's price changes by amendment. */
export function assertTariffsEditable(contract: ContractFacts): void {
  if (contract.status !== 'DRAFT') {
    throw new ContractsError(
      ContractsErrorCode.ContractNotDraft,
      `Contract ${contract.reference} is ${displayStatus(contract)}: change its tariff with a dated amendment.`,
    );
  }
}

/**
 * What keeps a draft from being activated: it needs a service, a tariff in force on its start
 * date, and no tariff outside its term. The texts are listed in the 422.
 */
export function activationProblems(
  contract: Pick<ContractFacts, 'startDate' | 'endDate'>,
  serviceCount: number,
  tariffs: ReadonlyArray<{ validFrom: IsoDate; validTo: IsoDate | null }>,
): string[] {
  const problems: string[] = [];
  if (serviceCount === 0) problems.push('it covers no service');
  const first = [...tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
  if (!first || first.validFrom > contract.startDate)
    problems.push(`no tariff is in force on its start date ${contract.startDate}`);
  const outside = tariffs.filter((t) => !periodContains(termOf(contract), { from: t.validFrom, to: t.validTo }));
  if (outside.length)
    problems.push(`tariffs lie outside its term (from ${outside.map((t) => t.validFrom).join(', ')})`);
  return problems;
}

/** Only a draft is activated. */
export function assertNotYetActivated(contract: ContractFacts): void {
  if (contract.status !== 'DRAFT')
    throw new ContractsError(
      ContractsErrorCode.ContractNotDraft,
      `Contract ${contract.reference} is already ${displayStatus(contract)}.`,
    );
}

/** A draft is activated only without activation problems (422 listing them). */
export function assertActivatable(
  contract: Pick<ContractFacts, 'reference' | 'startDate' | 'endDate'>,
  serviceCount: number,
  tariffs: ReadonlyArray<{ validFrom: IsoDate; validTo: IsoDate | null }>,
): void {
  const problems = activationProblems(contract, serviceCount, tariffs);
  if (problems.length)
    throw new ContractsError(
      ContractsErrorCode.InvalidContract,
      `Contract ${contract.reference} cannot be activated: ${problems.join('; ')}.`,
      { problems },
    );
}

/** An individual contract enrols its own municipality, which must exist on the start date. */
export function assertExistsOnStart(municipality: Validity & { code: string; name: string }, startDate: IsoDate): void {
  if (!isValidOn(municipality, startDate)) {
    throw new ContractsError(
      ContractsErrorCode.MunicipalityNotExisting,
      `${municipality.name} (${municipality.code}) does not exist on the contract's start date ${startDate}${municipality.validTo ? ` (it ended ${municipality.validTo})` : ''}.`,
    );
  }
}

/** Every participant of a contract being activated lies within its term. */
export function assertParticipantsWithinTerm(
  contract: Pick<ContractFacts, 'startDate' | 'endDate'>,
  participations: ReadonlyArray<{ municipalityCode: string; fromDate: IsoDate; toDate: IsoDate | null }>,
): void {
  const strays = participations.filter((p) => !periodContains(termOf(contract), { from: p.fromDate, to: p.toDate }));
  if (strays.length) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `Participants lie outside the contract term: ${strays.map((p) => p.municipalityCode).join(', ')}.`,
    );
  }
}

/** Ends an active contract early: the termination date lies within its term. */
export function assertTerminable(contract: ContractFacts, terminationDate: IsoDate): void {
  if (contract.status !== 'ACTIVE')
    throw new ContractsError(
      ContractsErrorCode.ContractNotActive,
      `Only an active contract can be terminated; ${contract.reference} is ${displayStatus(contract)}.`,
    );
  if (terminationDate < contract.startDate || (contract.endDate && terminationDate > contract.endDate)) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `The termination date ${terminationDate} must lie within the contract term ${termText(contract)}.`,
    );
  }
}

/** Amendments apply to active contracts, effective within their term. */
export function assertAmendable(contract: ContractFacts, effectiveDate: IsoDate): void {
  if (contract.status !== 'ACTIVE') {
    throw new ContractsError(
      ContractsErrorCode.ContractNotActive,
      `Amendments apply to active contracts; ${contract.reference} is ${displayStatus(contract)}${contract.status === 'DRAFT' ? ' (edit the draft instead)' : ''}.`,
    );
  }
  if (effectiveDate < contract.startDate || (contract.endDate && effectiveDate > contract.endDate)) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `The amendment's effective date ${effectiveDate} lies outside the contract term.`,
    );
  }
}

/** Participants join drafts and active contracts only. */
export function assertOpenForParticipants(contract: ContractFacts): void {
  if (contract.status !== 'DRAFT' && contract.status !== 'ACTIVE') {
    throw new ContractsError(
      ContractsErrorCode.ContractNotActive,
      `Contract ${contract.reference} is ${displayStatus(contract)}; no participants can join.`,
    );
  }
}

/** Roll-over applies to active contracts. */
export function assertRollOverApplies(contract: ContractFacts): void {
  if (contract.status !== 'ACTIVE')
    throw new ContractsError(
      ContractsErrorCode.ContractNotActive,
      `Roll-over applies to active contracts; ${contract.reference} is ${displayStatus(contract)}.`,
    );
}

/**
 * The municipalities whose contracts a caller may look at: its own; for the VNG or a provider,
 * those taking part in a contract it can see; all for an operator. `'PARTICIPATION'`: visible if
 * the caller can see a participation of it (row-level security decides).
 */
export function municipalityVisibility(principal: Principal, code: string): 'VISIBLE' | 'HIDDEN' | 'PARTICIPATION' {
  if (isOperator(principal)) return 'VISIBLE';
  if (principal.organisationKind === 'MUNICIPALITY') return principal.municipalityCode === code ? 'VISIBLE' : 'HIDDEN';
  return 'PARTICIPATION';
}

/** A generated reference when none is given: `<invoice prefix>-<start year>-<6 random letters and digits>`. */
export function generatedReference(invoicePrefix: string, startDate: IsoDate, random = Math.random()): string {
  return `${invoicePrefix}-${startDate.slice(0, 4)}-${random.toString(36).slice(2, 8).toUpperCase()}`;
}
