import { addDays, IsoDate } from '@wmo/domain';
import { minEnd } from './contracts.rules';

/**
 * A changed end date either shortens the term (an earlier date, or one where it was open-ended)
 * or extends it (a later date, or open-ended where it had an end).
 */
export function endDateChange(oldEnd: IsoDate | null, newEnd: IsoDate | null): 'SHORTEN' | 'EXTEND' | 'NONE' {
  if (newEnd === oldEnd) return 'NONE';
  if (newEnd !== null && (oldEnd === null || newEnd < oldEnd)) return 'SHORTEN';
  return 'EXTEND';
}

interface TariffRow {
  id: string;
  perInhabitant: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

interface ParticipationRow {
  id: string;
  municipalityCode: string;
  fromDate: IsoDate;
  toDate: IsoDate | null;
}

/** What an earlier end date drops, as the audit log lists it. */
export interface DroppedByShortening {
  droppedTariffs: Array<{ per_inhabitant: string; valid_from: IsoDate }>;
  droppedParticipations: Array<{ municipality_code: string; from_date: IsoDate }>;
}

export interface ShorteningPlan {
  dropTariffIds: string[];
  endTariffIds: string[];
  dropParticipationIds: string[];
  endParticipationIds: string[];
  dropped: DroppedByShortening;
}

/**
 * An earlier end date: what started after it goes (listed for the audit log), what ran beyond it
 * (or was open-ended) now ends on it.
 */
export function planShortening(
  endDate: IsoDate,
  tariffs: readonly TariffRow[],
  participations: readonly ParticipationRow[],
): ShorteningPlan {
  const droppedTariffs = tariffs.filter((t) => t.validFrom > endDate);
  const droppedParticipations = participations.filter((p) => p.fromDate > endDate);
  const runsBeyond = (to: IsoDate | null) => to === null || to > endDate;
  return {
    dropTariffIds: droppedTariffs.map((t) => t.id),
    endTariffIds: tariffs.filter((t) => t.validFrom <= endDate && runsBeyond(t.validTo)).map((t) => t.id),
    dropParticipationIds: droppedParticipations.map((p) => p.id),
    endParticipationIds: participations.filter((p) => p.fromDate <= endDate && runsBeyond(p.toDate)).map((p) => p.id),
    dropped: {
      droppedTariffs: droppedTariffs.map((t) => ({ per_inhabitant: t.perInhabitant, valid_from: t.validFrom })),
      droppedParticipations: droppedParticipations.map((p) => ({
        municipality_code: p.municipalityCode,
        from_date: p.fromDate,
      })),
    },
  };
}

export interface ExtensionPlan {
  /** Tariffs that ended with the old term and now run to the new end. */
  tariffIds: string[];
  /** Participations that ended with the old term and continue, each to its new end. */
  participations: Array<{ id: string; code: string; to: IsoDate | null }>;
  /** The days the continuing participations newly cover: checked for double coverage. */
  candidates: Array<{ code: string; from: IsoDate; to: IsoDate | null }>;
}

/**
 * A later end date: the tariff and the participations that ended with the old term continue to
 * the new one, each municipality at most as long as it exists (one that ended on or before the
 * old end does not continue).
 */
export function planExtension(
  oldEnd: IsoDate,
  newEnd: IsoDate | null,
  tariffs: ReadonlyArray<{ id: string; validTo: IsoDate | null }>,
  participations: ReadonlyArray<{ id: string; municipalityCode: string; toDate: IsoDate | null }>,
  municipalities: ReadonlyArray<{ code: string; validTo: IsoDate | null }>,
): ExtensionPlan {
  const validTo = new Map(municipalities.map((m) => [m.code, m.validTo]));
  const continuing = participations
    .filter((p) => p.toDate === oldEnd && validTo.has(p.municipalityCode))
    .filter((p) => {
      const end = validTo.get(p.municipalityCode)!;
      return end === null || end > oldEnd;
    })
    .map((p) => ({ id: p.id, code: p.municipalityCode, to: minEnd(validTo.get(p.municipalityCode)!, newEnd) }));
  return {
    tariffIds: tariffs.filter((t) => t.validTo === oldEnd).map((t) => t.id),
    participations: continuing,
    candidates: continuing.map((p) => ({ code: p.code, from: addDays(oldEnd, 1), to: p.to })),
  };
}
