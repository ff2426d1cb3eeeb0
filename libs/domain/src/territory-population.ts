import Decimal from 'decimal.js';
import { IsoDate } from './calendar-date';

/**
 * DOMAIN.md billing rule 3: the inhabitants that count for municipality X on reference date D,
 * for a period starting on S, are those living on D in the territory that forms X on S.
 */

export const TERRITORIAL_CHANGE_RELATIONS = [
  'MERGED_INTO_NEW',
  'ABSORBED_BY_EXISTING',
  'SPLIT_PART',
  'RENAMED_NEW_CODE',
  'BOUNDARY_CORRECTION_PART',
  'MINOR_BOUNDARY_REMNANT',
] as const;
export type TerritorialChangeRelation = (typeof TERRITORIAL_CHANGE_RELATIONS)[number];

/** One row of the CBS reorganisation table: (part of) `oldCode` went to `newCode` on `effectiveDate`. */
export interface TerritorialChange {
  effectiveDate: IsoDate;
  oldCode: string;
  newCode: string;
  relation: TerritorialChangeRelation;
  /** Share of the old municipality's addresses that went to `newCode` (decimal string), null when unknown. */
  share: string | null;
  notes?: string | null;
}

export interface PopulationComponent {
  code: string;
  /** The CBS figure of `code` on the reference date. */
  referenceInhabitants: number;
  /** The part of that figure that lies in the territory: the product of the address shares on the way. */
  share: string;
  /** `referenceInhabitants x share`, rounded half up to whole inhabitants. */
  inhabitants: number;
  approximate: boolean;
  note: string | null;
}

export interface TerritoryPopulation {
  code: string;
  referenceDate: IsoDate;
  asOf: IsoDate;
  inhabitants: number;
  approximate: boolean;
  components: PopulationComponent[];
  /** Why the figure is approximate, one sentence per cause; empty when exact. */
  notes: string[];
  /** Codes that lay in the territory on the reference date but have no CBS figure for it. */
  missingFigures: string[];
}

export interface TerritoryPopulationInput {
  code: string;
  referenceDate: IsoDate;
  /** The date on which the territory is taken (the start of the billed period). */
  asOf: IsoDate;
  /** CBS figures on the reference date, by code, for every municipality that existed then. */
  figures: ReadonlyMap<string, number>;
  changes: readonly TerritorialChange[];
}

/** Relations by which the receiving municipality takes the bulk of the old one. */
const MAIN_SUCCESSOR_RELATIONS: ReadonlySet<TerritorialChangeRelation> = new Set([
  'MERGED_INTO_NEW',
  'ABSORBED_BY_EXISTING',
  'RENAMED_NEW_CODE',
]);

interface EffectiveShare {
  share: Decimal;
  approximate: boolean;
  note: string | null;
}

/**
 * The share of `change.oldCode` that `change.newCode` received.
 *
 * A known address share is used as is. A municipality with a single successor went to it whole.
 * When several successors exist and the share is unknown (the 2015-2016 reorganisations, for
 * which no CBS address matrix exists), nothing is guessed: the main successor (a merger or
 * absorption) counts the old municipality in full and a mere part (a split part or boundary
 * correction) counts nothing, so the old inhabitants are counted exactly once over all
 * successors; both are marked approximate with the reason.
 */
export function effectiveShare(change: TerritorialChange, allChanges: readonly TerritorialChange[]): EffectiveShare {
  if (change.share !== null) {
    return { share: new Decimal(change.share), approximate: false, note: null };
  }
  const siblings = allChanges.filter(
    (other) => other.oldCode === change.oldCode && other.effectiveDate === change.effectiveDate,
  );
  if (siblings.length <= 1) {
    return { share: new Decimal(1), approximate: false, note: null };
  }
  const others = siblings
    .filter((other) => other.newCode !== change.newCode)
    .map((other) => other.newCode)
    .join(', ');
  const source = change.notes ? ` (${change.notes})` : '';
  if (MAIN_SUCCESSOR_RELATIONS.has(change.relation)) {
    return {
      share: new Decimal(1),
      approximate: true,
      note:
        `${change.oldCode} was divided on ${change.effectiveDate} between ${change.newCode} and ${others} ` +
        `with no known address share; ${change.newCode} received the main part, so all of ` +
        `${change.oldCode} is counted here${source}.`,
    };
  }
  return {
    share: new Decimal(0),
    approximate: true,
    note:
      `${change.oldCode} was divided on ${change.effectiveDate} between ${change.newCode} and ${others} ` +
      `with no known address share; the part that went to ${change.newCode} is not counted${source}.`,
  };
}

export function territoryPopulation(input: TerritoryPopulationInput): TerritoryPopulation {
  const { referenceDate, asOf, figures, changes } = input;
  if (asOf < referenceDate) {
    throw new RangeError(`asOf (${asOf}) must not be before the reference date (${referenceDate})`);
  }
  const components: PopulationComponent[] = [];
  const notes: string[] = [];
  const missingFigures: string[] = [];

  // Walk back from X through every change into it after D and up to the date the territory is
  // taken; each predecessor is itself a territory taken on the date it merged.
  const collect = (code: string, takenOn: IsoDate, share: Decimal, approximate: boolean, note: string | null) => {
    const own = figures.get(code);
    const incoming = changes.filter(
      (change) => change.newCode === code && change.effectiveDate > referenceDate && change.effectiveDate <= takenOn,
    );
    if (own !== undefined) {
      components.push({
        code,
        referenceInhabitants: own,
        share: share.toString(),
        inhabitants: share.mul(own).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
        approximate,
        note,
      });
      if (note) notes.push(note);
    } else if (incoming.length === 0) {
      missingFigures.push(code);
    }
    for (const change of incoming) {
      const part = effectiveShare(change, changes);
      const notesOnTheWay = [note, part.note].filter((text): text is string => !!text).join(' ') || null;
      collect(
        change.oldCode,
        change.effectiveDate,
        share.mul(part.share),
        approximate || part.approximate,
        notesOnTheWay,
      );
    }
  };
  collect(input.code, asOf, new Decimal(1), false, null);

  // The municipality's own figure first, then what merged into it.
  const ordered = [...components].sort((a, b) =>
    a.code === input.code ? -1 : b.code === input.code ? 1 : a.code.localeCompare(b.code),
  );
  return {
    code: input.code,
    referenceDate,
    asOf,
    inhabitants: ordered.reduce((sum, component) => sum + component.inhabitants, 0),
    approximate: ordered.some((component) => component.approximate),
    components: ordered,
    notes: [...new Set(notes)],
    missingFigures,
  };
}
