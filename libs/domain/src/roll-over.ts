import { addDays, IsoDate } from './calendar-date';
import { contains, Period } from './period';
import { TerritorialChange } from './territory-population';

/** A municipality's participation in the contract being rolled over. */
export interface ParticipationFact extends Period {
  code: string;
}

/** Coverage of a municipality by another contract for the same duty. */
export interface OtherCoverage extends Period {
  code: string;
  contractId: string;
  contractReference: string;
}

export interface RollOverInput {
  /** Reorganisations taking effect in the year rolled over. */
  changes: readonly TerritorialChange[];
  participations: readonly ParticipationFact[];
  otherCoverage: readonly OtherCoverage[];
  excepted: ReadonlySet<string>;
  contractEnd: IsoDate | null;
}

export interface RollOverDecision {
  code: string;
  from: IsoDate;
  predecessors: string[];
}

export interface RollOverConflict {
  code: string;
  predecessors: string[];
  reason: string;
  conflictingContract?: { id: string; reference: string };
}

export interface RollOverPlan {
  /** Successors that continue their predecessors' participation. */
  continue: RollOverDecision[];
  /** Successors that already take part on the day of the change. */
  alreadyParticipating: string[];
  /** Successors for which continuing would be a guess; reported, nothing done. */
  conflicts: RollOverConflict[];
}

/**
 * When municipalities merge, the municipality that receives them continues their participation
 * in a contract, from the day of the change. It is only done when that is unambiguous: every
 * predecessor took part the day before, and the successor is not excepted nor covered by another
 * contract. Anything else is reported, never guessed.
 */
export function planRollOver(input: RollOverInput): RollOverPlan {
  const bySuccessor = new Map<string, TerritorialChange[]>();
  for (const change of input.changes) {
    bySuccessor.set(change.newCode, [...(bySuccessor.get(change.newCode) ?? []), change]);
  }
  const plan: RollOverPlan = { continue: [], alreadyParticipating: [], conflicts: [] };
  for (const [code, incoming] of [...bySuccessor].sort(([a], [b]) => a.localeCompare(b))) {
    const day = incoming.map((change) => change.effectiveDate).sort()[0];
    const dayBefore = addDays(day, -1);
    const predecessors = [...new Set(incoming.map((change) => change.oldCode))].sort();
    const participating = (c: string, on: IsoDate) => input.participations.some((p) => p.code === c && contains(p, on));
    const tookPart = predecessors.filter((p) => participating(p, dayBefore));
    if (tookPart.length === 0) continue; // nothing to continue from this contract
    if (participating(code, day)) {
      plan.alreadyParticipating.push(code);
      continue;
    }
    if (input.contractEnd !== null && input.contractEnd < day) continue;
    const other = input.otherCoverage.find((coverage) => coverage.code === code && contains(coverage, day));
    if (other) {
      plan.conflicts.push({
        code,
        predecessors,
        reason: `${code} is covered by contract ${other.contractReference} on ${day}`,
        conflictingContract: { id: other.contractId, reference: other.contractReference },
      });
      continue;
    }
    if (input.excepted.has(code)) {
      plan.conflicts.push({ code, predecessors, reason: `${code} is excepted from this contract` });
      continue;
    }
    const absent = predecessors.filter((p) => !tookPart.includes(p));
    if (absent.length) {
      const elsewhere = absent
        .map((p) => input.otherCoverage.find((coverage) => coverage.code === p && contains(coverage, dayBefore)))
        .filter((coverage): coverage is OtherCoverage => !!coverage);
      plan.conflicts.push({
        code,
        predecessors,
        reason:
          `not every predecessor took part on ${dayBefore}: ${absent.join(', ')} did not` +
          (elsewhere.length ? ` (covered by ${elsewhere.map((c) => c.contractReference).join(', ')})` : ''),
        ...(elsewhere[0]
          ? { conflictingContract: { id: elsewhere[0].contractId, reference: elsewhere[0].contractReference } }
          : {}),
      });
      continue;
    }
    plan.continue.push({ code, from: day, predecessors });
  }
  return plan;
}
