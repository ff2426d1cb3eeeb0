import { RequestValidationError } from '@wmo/common';
import { addDays, contains, firstOverlap, IsoDate, Period, periodContains } from '@wmo/domain';
import { ContractsError, ContractsErrorCode } from './contracts.errors';

export interface TariffFact {
  id: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/**
 * The period of a tariff added to a draft: an open-ended tariff ends with the contract; it lies
 * within the contract term; the tariffs of a contract never overlap.
 */
export function newTariffPeriod(
  contract: { startDate: IsoDate; endDate: IsoDate | null },
  input: { validFrom: IsoDate; validTo?: IsoDate | null },
  existing: readonly TariffFact[],
): Period {
  const period = { from: input.validFrom, to: input.validTo ?? contract.endDate };
  if (period.to !== null && period.to < period.from)
    throw new RequestValidationError([{ field: 'validTo', message: 'validTo must not be before validFrom' }]);
  if (!periodContains({ from: contract.startDate, to: contract.endDate }, period)) {
    throw new ContractsError(
      ContractsErrorCode.OutsideContractTerm,
      `The tariff period ${period.from} to ${period.to ?? 'open-ended'} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
    );
  }
  const overlap = firstOverlap([
    ...existing.map((t) => ({ from: t.validFrom, to: t.validTo, id: t.id })),
    { ...period, id: null },
  ]);
  if (overlap) {
    const other = overlap.find((t) => t.id !== null)!;
    throw new ContractsError(
      ContractsErrorCode.TariffOverlap,
      `The tariff overlaps the tariff valid from ${other.from} to ${other.to ?? 'open-ended'}; tariffs of a contract never overlap.`,
    );
  }
  return period;
}

export interface TariffChange<T extends TariffFact> {
  /** The tariff in force on the effective date, which now ends the day before (if any). */
  current: T | undefined;
  currentEndsOn: IsoDate;
  /** The new tariff: from the effective date to the end of the contract. */
  next: Period;
}

/**
 * An amendment's new tariff takes over from its effective date to the end of the contract; the
 * tariff then in force ends the day before. No tariff may already start on or after that date.
 */
export function tariffChange<T extends TariffFact>(
  tariffs: readonly T[],
  effectiveDate: IsoDate,
  contractEnd: IsoDate | null,
): TariffChange<T> {
  if (contractEnd !== null && effectiveDate > contractEnd)
    throw new RequestValidationError([
      {
        field: 'effectiveDate',
        message: `a new tariff must start on or before the contract's end (${contractEnd}); effectiveDate is ${effectiveDate}`,
      },
    ]);
  const current = tariffs.find((t) => contains({ from: t.validFrom, to: t.validTo }, effectiveDate));
  if (tariffs.some((t) => t.validFrom >= effectiveDate)) {
    throw new ContractsError(ContractsErrorCode.TariffOverlap, `A tariff already starts on or after ${effectiveDate}.`);
  }
  return { current, currentEndsOn: addDays(effectiveDate, -1), next: { from: effectiveDate, to: contractEnd } };
}
