import type { IsoDate, Period } from '@wmo/domain';

/** When a municipality's code existed: null ends are open (it existed before the data begins, or still exists). */
export interface Existence {
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

/** Whether the municipality existed on at least one day of the period (both ends inclusive). */
export function existedDuring(municipality: Existence, period: { from: IsoDate; to: IsoDate }): boolean {
  return (
    (municipality.validFrom === null || municipality.validFrom <= period.to) &&
    (municipality.validTo === null || municipality.validTo >= period.from)
  );
}

/**
 * A participation clipped to the days its municipality existed: it starts at the later of the two
 * starts and ends at the earlier of the two ends, an open end giving way to the other (so it stays
 * open only when both are). A stretch may come out empty (ending before it starts); it then
 * charges no day.
 */
export function clipToExistence(stretch: Period, municipality: Existence): Period {
  const from =
    municipality.validFrom !== null && municipality.validFrom > stretch.from ? municipality.validFrom : stretch.from;
  const ends = [stretch.to, municipality.validTo].filter((end): end is IsoDate => end !== null);
  return { from, to: ends.length ? ends.reduce((a, b) => (b < a ? b : a)) : null };
}

/** A participant as the invoice run counts and bills it. */
export interface BillableParticipant {
  code: string;
  name: string;
  /** Clipped to the municipality's existence, by start. */
  stretches: Period[];
}

/**
 * The participants an invoice run counts and bills: those whose municipality existed during the
 * billed period, with their stretches clipped to that existence. A participant whose municipality
 * is unknown or did not exist in the period is left out (it is neither counted nor billed). The
 * order is kept.
 */
export function billableParticipants(
  participants: ReadonlyArray<{ code: string; stretches: readonly Period[] }>,
  municipalities: ReadonlyMap<string, Existence & { name: string }>,
  period: { from: IsoDate; to: IsoDate },
): BillableParticipant[] {
  return participants.flatMap((participant) => {
    const municipality = municipalities.get(participant.code);
    if (!municipality || !existedDuring(municipality, period)) return [];
    return [
      {
        code: participant.code,
        name: municipality.name,
        stretches: participant.stretches.map((stretch) => clipToExistence(stretch, municipality)),
      },
    ];
  });
}
