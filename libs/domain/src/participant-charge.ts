import Decimal from 'decimal.js';
import { ChargeSegment, chargeSegments, formatInteger, lineAmountCents, TariffPeriod } from './billing';
import { IsoDate } from './calendar-date';
import type { Cents } from './money';
import { Period } from './period';
import { TerritorialChange, TerritoryPopulation, territoryPopulation } from './territory-population';

export interface ChargedSegment extends ChargeSegment {
  amountCents: Cents;
}

export interface ParticipantCharge {
  /** The territory the municipality forms on the first day charged, on the reference date (rule 3). */
  territory: TerritoryPopulation;
  /** True when a CBS figure of the territory is missing: no amounts then (`segments` is empty). */
  figuresMissing: boolean;
  /** One per tariff and calendar year, each rounded on its own (rules 1, 2 and 4). */
  segments: ChargedSegment[];
}

export interface ParticipantChargeInput {
  code: string;
  /** The period charged (a year, or a custom period). */
  billed: { from: IsoDate; to: IsoDate };
  /** When the municipality took part (several stretches possible). */
  participations: readonly Period[];
  tariffs: readonly TariffPeriod[];
  referenceDate: IsoDate;
  figures: ReadonlyMap<string, number>;
  changes: readonly TerritorialChange[];
}

/**
 * What one participant is charged for a period, DOMAIN.md rules 1-4 together: its days of
 * participation split by tariff and calendar year, the inhabitants of the territory it forms on
 * the first day charged (on the contract's reference date), and per segment inhabitants x tariff
 * x days / days-in-year rounded half up. Null when no day is charged. The invoice run and the
 * compliance cost both use it, so they cannot drift apart.
 */
export function participantCharge(input: ParticipantChargeInput): ParticipantCharge | null {
  const segments = input.participations.flatMap((participation) =>
    chargeSegments(input.billed, participation, input.tariffs),
  );
  if (segments.length === 0) return null;
  const territory = territoryPopulation({
    code: input.code,
    referenceDate: input.referenceDate,
    asOf: segments[0].from,
    figures: input.figures,
    changes: input.changes,
  });
  const figuresMissing = territory.missingFigures.length > 0 || territory.components.length === 0;
  return {
    territory,
    figuresMissing,
    segments: figuresMissing
      ? []
      : segments.map((segment) => ({
          ...segment,
          amountCents: lineAmountCents(territory.inhabitants, segment.perInhabitant, segment.days, segment.daysInYear),
        })),
  };
}

/** A tariff with its four decimals, exactly (no binary floats): "0.25" -> "0.2500". */
export function tariffDecimal(perInhabitant: string): string {
  return new Decimal(perInhabitant).toFixed(4);
}

/** "69.701 inwoners x EUR 0,2500 x 184/365 dagen"; `source` goes after the inhabitants, e.g. "(CBS, peildatum 01-01-2024)". */
export function chargeCalculation(inhabitants: number, segment: ChargeSegment, source?: string): string {
  const partial = segment.days === segment.daysInYear ? '' : ` x ${segment.days}/${segment.daysInYear} dagen`;
  return `${formatInteger(inhabitants)} inwoners${source ? ` ${source}` : ''} x EUR ${tariffDecimal(segment.perInhabitant).replace('.', ',')}${partial}`;
}
