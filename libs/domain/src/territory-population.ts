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

/**
 * Why a part of a territory is counted by approximation: `oldCode` was divided on `effectiveDate`
 * over several successors with no known address share (see `effectiveShare`). Codes only; whoever
 * shows it to a person names the municipalities.
 */
export interface ApproximationCause {
  /** The municipality that was divided. */
  oldCode: string;
  effectiveDate: IsoDate;
  /** The successor whose territory is counted. */
  successorCode: string;
  /** Every successor of the division, `successorCode` among them, in code order. */
  successorCodes: string[];
  /** True: the main successor (merger, absorption, new code), counting all of `oldCode`; false: a mere part, counting none of it. */
  main: boolean;
  /** The reorganisation table's own note on this step (free text, as the source gives it), or null. */
  source: string | null;
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
  /** The causes of the approximation in English, one sentence each, joined; null when exact. */
  note: string | null;
  /** Why this component is approximate, along the way from the territory back to `code`; empty when exact. */
  causes: ApproximationCause[];
}

export interface TerritoryPopulation {
  code: string;
  referenceDate: IsoDate;
  asOf: IsoDate;
  inhabitants: number;
  approximate: boolean;
  components: PopulationComponent[];
  /** Why the figure is approximate, in English: the components' notes, each once; empty when exact. */
  notes: string[];
  /** Why the figure is approximate: every cause once, in the order of the components; empty when exact. */
  causes: ApproximationCause[];
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
  /** Why the share is approximate; null when it is not. */
  cause: ApproximationCause | null;
}

/**
 * The share of `change.oldCode` that `change.newCode` received.
 *
 * A known address share is used as is. A municipality with a single successor went to it whole.
 * When several successors exist and the share is unknown (the 2015-2016 reorganisations, for
 * which no CBS address matrix exists), nothing is guessed: the main successor (a merger or
 * absorption) counts the old municipality in full and a mere part (a split part or boundary
 * correction) counts nothing, so the old inhabitants are counted exactly once over all
 * successors; both are marked approximate with the cause.
 */
export function effectiveShare(change: TerritorialChange, allChanges: readonly TerritorialChange[]): EffectiveShare {
  if (change.share !== null) {
    return { share: new Decimal(change.share), approximate: false, cause: null };
  }
  const siblings = allChanges.filter(
    (other) => other.oldCode === change.oldCode && other.effectiveDate === change.effectiveDate,
  );
  if (siblings.length <= 1) {
    return { share: new Decimal(1), approximate: false, cause: null };
  }
  const main = MAIN_SUCCESSOR_RELATIONS.has(change.relation);
  return {
    share: new Decimal(main ? 1 : 0),
    approximate: true,
    cause: {
      oldCode: change.oldCode,
      effectiveDate: change.effectiveDate,
      successorCode: change.newCode,
      successorCodes: [...new Set(siblings.map((other) => other.newCode))].sort(),
      main,
      source: change.notes || null,
    },
  };
}

/**
 * A cause in English, with codes: "GM1671 was divided on 2015-01-01 between GM0796 and GM0828 with
 * no known address share; the part that went to GM0796 is not counted (...)." The reference-data
 * API answers with it; a Dutch document names the municipalities itself.
 */
export function approximationCauseText(cause: ApproximationCause): string {
  const { oldCode, effectiveDate, successorCode } = cause;
  const others = cause.successorCodes.filter((code) => code !== successorCode).join(', ');
  const source = cause.source ? ` (${cause.source})` : '';
  const counted = cause.main
    ? `${successorCode} received the main part, so all of ${oldCode} is counted here`
    : `the part that went to ${successorCode} is not counted`;
  return `${oldCode} was divided on ${effectiveDate} between ${successorCode} and ${others} with no known address share; ${counted}${source}.`;
}

const causeKey = (cause: ApproximationCause) => `${cause.effectiveDate} ${cause.oldCode} ${cause.successorCode}`;

export function territoryPopulation(input: TerritoryPopulationInput): TerritoryPopulation {
  const { referenceDate, asOf, figures, changes } = input;
  if (asOf < referenceDate) {
    throw new RangeError(`asOf (${asOf}) must not be before the reference date (${referenceDate})`);
  }
  const components: PopulationComponent[] = [];
  const missingFigures: string[] = [];

  // Walk back from X through every change into it after D and up to the date the territory is
  // taken; each predecessor is itself a territory taken on the date it merged.
  const collect = (code: string, takenOn: IsoDate, share: Decimal, causes: ApproximationCause[]) => {
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
        approximate: causes.length > 0,
        note: causes.map(approximationCauseText).join(' ') || null,
        causes,
      });
    } else if (incoming.length === 0) {
      missingFigures.push(code);
    }
    for (const change of incoming) {
      const part = effectiveShare(change, changes);
      collect(
        change.oldCode,
        change.effectiveDate,
        share.mul(part.share),
        part.cause ? [...causes, part.cause] : causes,
      );
    }
  };
  collect(input.code, asOf, new Decimal(1), []);

  // The municipality's own figure first, then what merged into it.
  const ordered = [...components].sort((a, b) =>
    a.code === input.code ? -1 : b.code === input.code ? 1 : a.code.localeCompare(b.code),
  );
  const causes = new Map(ordered.flatMap((component) => component.causes).map((cause) => [causeKey(cause), cause]));
  return {
    code: input.code,
    referenceDate,
    asOf,
    inhabitants: ordered.reduce((sum, component) => sum + component.inhabitants, 0),
    approximate: ordered.some((component) => component.approximate),
    components: ordered,
    notes: [...new Set(components.flatMap((component) => (component.note ? [component.note] : [])))],
    causes: [...causes.values()],
    missingFigures,
  };
}
