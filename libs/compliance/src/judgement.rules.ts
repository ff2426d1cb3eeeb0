import type { CoverageContract, CoverageRange, DutyInfo } from '@wmo/contracts';
import { coverageKey } from '@wmo/contracts';
import {
  evaluateObligation,
  IsoDate,
  maxDate,
  ObligationEvaluation,
  ScheduleCache,
  todayInAmsterdam,
} from '@wmo/domain';
import type { MunicipalityInfo } from '@wmo/reference-data';
import { ComplianceError, ComplianceErrorCode } from './compliance.errors';
import { explain } from './explanation.rules';
import { clamp, clip, DayPeriod } from './period.rules';

/** Everything the compliance rules read, loaded in a handful of queries for one or all municipalities. */
export interface CoverageSnapshot {
  /** Every duty, by name (the Wmo listening ear first). */
  duties: DutyInfo[];
  municipalities: Map<string, MunicipalityInfo>;
  contracts: Map<string, CoverageContract>;
  /** Keyed `coverageKey(dutyCode, municipalityCode)`; each list by start. */
  coverage: Map<string, CoverageRange[]>;
}

/** One municipality, one duty, one period: the rules' verdict and the coverage that met them. */
export interface Judgement {
  municipality: MunicipalityInfo;
  duty: DutyInfo;
  /** The period judged: the one asked, within the days the municipality existed and the duty was in force. */
  period: DayPeriod;
  evaluation: ObligationEvaluation;
  /** All coverage of the municipality for the duty, also outside the period (the cost and successors read it). */
  ranges: CoverageRange[];
  /** The coverage within the period, by start, with its contract. */
  covering: Array<{ range: CoverageRange; contract: CoverageContract }>;
  explanation: string;
}

/** Null when the municipality did not exist, or the duty was not in force, on any day of the period. */
export function judge(
  municipality: MunicipalityInfo,
  duty: DutyInfo,
  snapshot: Pick<CoverageSnapshot, 'contracts' | 'coverage'>,
  asked: DayPeriod,
  asOf: IsoDate,
  cache: ScheduleCache,
): Judgement | null {
  const period = clip(asked, {
    from: maxDate(duty.inForceFrom, municipality.validFrom ?? duty.inForceFrom),
    to: municipality.validTo ?? asked.to,
  });
  if (!period) return null;
  const ranges = snapshot.coverage.get(coverageKey(duty.code, municipality.code)) ?? [];
  const evaluation = evaluateObligation(
    {
      period,
      asOf: clamp(asOf, period),
      slices: ranges.map((range) => ({
        key: range.contractId,
        from: range.from,
        to: range.to,
        channels: snapshot.contracts.get(range.contractId)!.services.flatMap((s) => s.channels),
      })),
      continuousAvailability: duty.continuousAvailability,
      existsUntil: municipality.validTo,
    },
    cache,
  );
  const covering = ranges
    .filter((r) => r.from <= period.to && (r.to === null || r.to >= period.from))
    .map((range) => ({ range, contract: snapshot.contracts.get(range.contractId)! }));
  const explanation = explain(
    { municipalityName: municipality.name, duty, contracts: covering.map((c) => c.contract) },
    period,
    evaluation,
    todayInAmsterdam(),
  );
  return { municipality, duty, period, evaluation, ranges, covering, explanation };
}

/** One municipality's duties over the period; a 422 when none of them was in force on any day of it. */
export function judgeMunicipality(
  municipality: MunicipalityInfo,
  duties: readonly DutyInfo[],
  snapshot: Pick<CoverageSnapshot, 'contracts' | 'coverage'>,
  period: DayPeriod,
  asOf: IsoDate,
): Judgement[] {
  const judgements = duties
    .map((duty) => judge(municipality, duty, snapshot, period, asOf, new ScheduleCache()))
    .filter((j): j is Judgement => j !== null);
  if (judgements.length === 0) {
    throw new ComplianceError(
      ComplianceErrorCode.DutyNotInForce,
      `${duties.map((d) => d.name).join(', ')} was not in force from ${period.from} to ${period.to} (in force from ${duties[0].inForceFrom}).`,
    );
  }
  return judgements;
}

/**
 * Every municipality of the snapshot existing in the period, in code order (of one province when
 * given), for each of the duties, judged with the same rules as the per-municipality answer.
 */
export function judgeAll(
  snapshot: CoverageSnapshot,
  options: { duties: readonly DutyInfo[]; period: DayPeriod; asOf: IsoDate; province?: string },
): Judgement[] {
  const { period, asOf } = options;
  const cache = new ScheduleCache();
  const municipalities = [...snapshot.municipalities.values()]
    .filter((m) => existedIn(m, period))
    .filter((m) => !options.province || m.provinceCode === options.province)
    .sort((a, b) => a.code.localeCompare(b.code));
  const judgements: Judgement[] = [];
  for (const duty of options.duties) {
    for (const municipality of municipalities) {
      const judgement = judge(municipality, duty, snapshot, period, asOf, cache);
      if (judgement) judgements.push(judgement);
    }
  }
  return judgements;
}

/** Whether the municipality existed on some day of the period. */
export function existedIn(municipality: Pick<MunicipalityInfo, 'validFrom' | 'validTo'>, period: DayPeriod): boolean {
  return clip(period, { from: municipality.validFrom ?? period.from, to: municipality.validTo ?? period.to }) !== null;
}

/** A 422 when the municipality did not exist on any day of the period: its successor or predecessor answers then. */
export function assertExisted(municipality: MunicipalityInfo, period: DayPeriod): void {
  if (existedIn(municipality, period)) return;
  const { code, name, validFrom, validTo } = municipality;
  throw new ComplianceError(
    ComplianceErrorCode.NotExisting,
    `${name} (${code}) did not exist from ${period.from} to ${period.to}${validTo ? `: it ended on ${validTo}; ask for its successor's obligations` : ''}${validFrom ? `: it was formed on ${validFrom}` : ''}.`,
  );
}

/** All duties, or the one asked for (a 404 when there is no such duty). */
export function pickDuties(duties: DutyInfo[], code: string | undefined): DutyInfo[] {
  if (!code) return duties;
  const duty = duties.find((d) => d.code === code);
  if (!duty)
    throw new ComplianceError(
      ComplianceErrorCode.DutyNotFound,
      `There is no duty ${code}; GET /api/v1/duties lists them.`,
    );
  return [duty];
}
