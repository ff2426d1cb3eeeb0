import { RequestValidationError } from '@wmo/common';
import { firstOfJanuary, IsoDate, isValidOn, maxDate, Period, periodContains, periodsOverlap } from '@wmo/domain';
import { ExceptionKind } from './contracts.constants';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { minEnd } from './contracts.rules';

/** A municipality as enrolment sees it: its code, name and when it existed. */
export interface MunicipalityFacts {
  code: string;
  name: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface ExceptionFact {
  municipalityCode: string;
  kind: ExceptionKind;
  reason: string;
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

export interface ParticipationFact {
  municipalityCode: string;
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

export type EnrolmentDecision =
  | { enrolled: true; code: string; from: IsoDate; to: IsoDate | null }
  | { enrolled: false; code: string; reason: 'OUTSIDE_TERM' | 'NOT_EXISTING' }
  | { enrolled: false; code: string; reason: 'EXCEPTED'; exception: ExceptionFact }
  | { enrolled: false; code: string; reason: 'ALREADY_PARTICIPATING'; participation: ParticipationFact };

/**
 * Whether a municipality joins a contract for the requested days, and for which: the request lies
 * within the contract term (an open end meaning the contract's end), the municipality exists on
 * its first and (if given) last day, and it takes part at most until the contract ends and as long
 * as it exists. It is not enrolled while excepted, nor twice. The coverage check against other
 * contracts comes after, under the coverage lock.
 */
export function decideEnrolment(input: {
  municipality: MunicipalityFacts;
  term: Period;
  requested: Period;
  exceptions: readonly ExceptionFact[];
  participations: readonly ParticipationFact[];
}): EnrolmentDecision {
  const { municipality, term, requested } = input;
  const code = municipality.code;
  if (!periodContains(term, { from: requested.from, to: requested.to ?? term.to }))
    return { enrolled: false, code, reason: 'OUTSIDE_TERM' };
  if (!isValidOn(municipality, requested.from) || (requested.to !== null && !isValidOn(municipality, requested.to)))
    return { enrolled: false, code, reason: 'NOT_EXISTING' };
  const candidate = { from: requested.from, to: minEnd(requested.to ?? term.to, municipality.validTo) };
  const during = (fact: { municipalityCode: string; fromDate: IsoDate; toDate: IsoDate | null }) =>
    fact.municipalityCode === code && periodsOverlap({ from: fact.fromDate, to: fact.toDate }, candidate);
  const exception = input.exceptions.find(during);
  if (exception) return { enrolled: false, code, reason: 'EXCEPTED', exception };
  const participation = input.participations.find(during);
  if (participation) return { enrolled: false, code, reason: 'ALREADY_PARTICIPATING', participation };
  return { enrolled: true, code, ...candidate };
}

type Refused = Exclude<EnrolmentDecision, { enrolled: true }>;

/** Why `all` skipped a municipality, as the enrolment result lists it. */
export function skipReason(decision: Refused, requested: Period): string {
  switch (decision.reason) {
    case 'EXCEPTED':
      return `excepted: ${decision.exception.reason}`;
    case 'ALREADY_PARTICIPATING':
      return 'already takes part';
    case 'NOT_EXISTING':
      return `did not exist on ${requested.from}`;
    case 'OUTSIDE_TERM':
      return 'outside the contract term';
  }
}

/** The error that refuses a single enrolment, naming what stands in the way. */
export function enrolmentRefusal(
  decision: Refused,
  context: {
    municipality: MunicipalityFacts;
    contract: { reference: string; startDate: IsoDate; endDate: IsoDate | null };
    requested: Period;
  },
): ContractsError {
  const { municipality, contract, requested } = context;
  switch (decision.reason) {
    case 'OUTSIDE_TERM':
      return new ContractsError(
        ContractsErrorCode.OutsideContractTerm,
        `Participation from ${requested.from} to ${requested.to ?? 'open-ended'} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
      );
    case 'NOT_EXISTING':
      return new ContractsError(
        ContractsErrorCode.MunicipalityNotExisting,
        `${municipality.name} (${municipality.code}) did not exist for the whole period: it existed ${municipality.validFrom ? `from ${municipality.validFrom}` : 'from before 2014'} ${municipality.validTo ? `to ${municipality.validTo}` : 'until now'}.`,
      );
    case 'EXCEPTED': {
      const { exception } = decision;
      return new ContractsError(
        ContractsErrorCode.MunicipalityExcepted,
        `${municipality.code} is excepted from contract ${contract.reference}: ${exception.reason}.`,
        {
          exception: { kind: exception.kind, reason: exception.reason, from: exception.fromDate, to: exception.toDate },
        },
      );
    }
    case 'ALREADY_PARTICIPATING':
      return new ContractsError(
        ContractsErrorCode.AlreadyParticipating,
        `${municipality.code} already takes part in contract ${contract.reference} from ${decision.participation.fromDate}.`,
      );
  }
}

/** `all` for a year enrols from 1 January of that year, or from the contract start if later; the term must include the year. */
export function yearEnrolmentStart(contract: { startDate: IsoDate; endDate: IsoDate | null }, year: number): IsoDate {
  const yearPeriod = { from: firstOfJanuary(year), to: `${year}-12-31` };
  if (!periodsOverlap({ from: contract.startDate, to: contract.endDate }, yearPeriod)) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `The contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'} does not include ${year}.`,
    );
  }
  return maxDate(firstOfJanuary(year), contract.startDate);
}

/** The participation a municipality's end date applies to: its latest one still running on that date. */
export function participationToEnd<T extends ParticipationFact>(
  participationsNewestFirst: readonly T[],
  endDate: IsoDate,
  context: { code: string; reference: string },
): T {
  const current = participationsNewestFirst.find((p) => p.toDate === null || p.toDate >= endDate);
  if (!current)
    throw new ContractsError(
      ContractsErrorCode.ParticipationNotFound,
      `${context.code} does not take part in contract ${context.reference} on or after ${endDate}.`,
    );
  if (endDate < current.fromDate)
    throw new RequestValidationError([
      { field: 'endDate', message: `endDate must not be before the participation started (${current.fromDate})` },
    ]);
  return current;
}

/** Exceptions (a G4 city with its own contract, an opt-out) apply to collective contracts only. */
export function assertExceptionsApply(contract: { kind: string }): void {
  if (contract.kind !== 'COLLECTIVE')
    throw new RequestValidationError([{ field: 'code', message: 'exceptions apply to collective contracts' }]);
}

/**
 * The days a municipality is excepted from a collective contract: from the contract start unless
 * given; never while it takes part.
 */
export function exceptionPeriod(
  contract: { startDate: IsoDate },
  input: { code: string; from?: IsoDate; to?: IsoDate | null },
  participations: readonly ParticipationFact[],
): Period {
  const period = { from: input.from ?? contract.startDate, to: input.to ?? null };
  if (period.to !== null && period.to < period.from)
    throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
  const participating = participations.find(
    (p) => p.municipalityCode === input.code && periodsOverlap({ from: p.fromDate, to: p.toDate }, period),
  );
  if (participating) {
    throw new ContractsError(
      ContractsErrorCode.AlreadyParticipating,
      `${input.code} takes part from ${participating.fromDate}; end its participation before excepting it.`,
    );
  }
  return period;
}
