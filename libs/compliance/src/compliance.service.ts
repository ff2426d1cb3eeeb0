import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import {
  addDays,
  cents,
  addYears,
  chargeCalculation,
  daysBetween,
  dutchDate,
  evaluateObligation,
  firstOfJanuary,
  formatAmsterdam,
  fromAmsterdam,
  formatInteger,
  IsoDate,
  maxDate,
  minDate,
  participantCharge,
  ObligationEvaluation,
  referenceDateFor,
  ScheduleCache,
  tariffDecimal,
  todayInAmsterdam,
  vatAmountCents,
  worstStatus,
  yearOf,
} from '@wmo/domain';
import { isOperator, ScopedDatabase, TenantTransaction, UnscopedDatabase } from '@wmo/tenancy';
import { ComplianceError, ComplianceErrorCode } from './compliance.errors';
import {
  ContractInfo,
  CoverageRange,
  coverageKey,
  CoverageSnapshot,
  DutyInfo,
  loadCoverage,
  loadDuties,
  MunicipalityInfo,
} from './coverage.loader';
import {
  CostDto,
  CoverageDto,
  DutyObligationDto,
  ObligationsDto,
  ObligationsQuery,
  OverviewDto,
  OverviewQuery,
  OverviewRowDto,
} from './dto/compliance.dto';

export const WMO_DUTY = 'WMO2015_2_2_4_1B';

/** Longest period one request may judge: ten years of coverage. */
const MAX_PERIOD_DAYS = 3660;

interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** CBS figures per reference date, per code. */
type Figures = Map<IsoDate, Map<string, number>>;

const FUNDING_ROUTES: Record<string, string> = {
  FUND_WITHHOLDING: 'Uitname uit het gemeentefonds (collectief via de VNG)',
  DIRECT_INVOICE: 'Factuur van de aanbieder aan de gemeente',
  CENTRAL_INVOICE: 'Factuur van de aanbieder aan de contractpartij (centraal)',
};

const CHANNEL_NAMES: Record<string, string> = {
  PHONE: 'telefoon',
  CHAT: 'chat',
  EMAIL: 'e-mail',
  VIDEO: 'video',
  SMS: 'sms',
};
const WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

/**
 * Whether municipalities meet their duties (DOMAIN.md, compliance): computed from the contracts on
 * every call, never cached. The coverage is read as the platform, because a status depends on
 * contracts the caller may not see; who may see which municipality's status is checked first.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly unscoped: UnscopedDatabase,
  ) {}

  async obligations(code: string, query: ObligationsQuery): Promise<ObligationsDto> {
    const { period, asOf } = periodOf(query);
    await this.db.transaction((tx) => this.assertMayView(tx, code));
    return this.unscoped.unscopedSystemTransaction(async ({ manager }) => {
      const snapshot = await loadCoverage(manager, [code]);
      const municipality = snapshot.municipalities.get(code);
      if (!municipality) throw notFound(code);
      const duties = pickDuties(snapshot, query.duty);
      const existing = clip(period, {
        from: municipality.validFrom ?? period.from,
        to: municipality.validTo ?? period.to,
      });
      if (!existing) {
        throw new ComplianceError(
          ComplianceErrorCode.NotExisting,
          `${municipality.name} (${code}) did not exist from ${period.from} to ${period.to}${municipality.validTo ? `: it ended on ${municipality.validTo}; ask for its successor's obligations` : ''}${municipality.validFrom ? `: it was formed on ${municipality.validFrom}` : ''}.`,
        );
      }
      const figures = await loadFigures(manager, snapshot, [yearOf(period.from)]);
      const judged = duties
        .map((duty) => judge(municipality, duty, snapshot, period, asOf, figures, new ScheduleCache()))
        .filter((j): j is Judged => j !== null);
      if (judged.length === 0) {
        throw new ComplianceError(
          ComplianceErrorCode.DutyNotInForce,
          `${duties.map((d) => d.name).join(', ')} was not in force from ${period.from} to ${period.to} (in force from ${duties[0].inForceFrom}).`,
        );
      }
      return {
        municipality: municipalityRef(municipality),
        period,
        asOf,
        status: worstStatus(judged.map((j) => j.dto.status)),
        duties: judged.map((j) => j.dto),
      };
    });
  }

  async overview(query: OverviewQuery): Promise<OverviewDto> {
    const year = query.year ?? yearOf(todayInAmsterdam());
    const period = { from: firstOfJanuary(year), to: `${year}-12-31` };
    const asOf = clamp(todayInAmsterdam(), period);
    const served = await this.db.transaction((tx) => this.overviewScope(tx, period));
    return this.unscoped.unscopedSystemTransaction(async ({ manager }) => {
      const judgements = await judgeAll(manager, {
        codes: served,
        period,
        asOf,
        dutyCode: query.duty ?? WMO_DUTY,
        province: query.province,
      });
      const rows = judgements.map(({ municipality, judged }) => overviewRow(municipality, judged));
      const counts = { COMPLIANT: 0, AT_RISK: 0, NON_COMPLIANT: 0, total: rows.length };
      for (const row of rows) counts[row.status]++;
      const duty = judgements[0]?.duty ?? pickDuties(await loadDuties(manager), query.duty ?? WMO_DUTY)[0];
      return {
        year,
        duty: dutyRef(duty),
        asOf,
        counts,
        rows: query.status ? rows.filter((row) => row.status === query.status) : rows,
      };
    });
  }

  /** The municipality itself, the VNG, an operator, or a provider that serves (or served) it under an activated contract; for anyone else it does not exist. */
  private async assertMayView(tx: TenantTransaction, code: string): Promise<void> {
    const { principal } = tx;
    if (principal.municipalityCode === code || principal.organisationKind === 'ASSOCIATION' || isOperator(principal))
      return;
    if (principal.organisationKind === 'PROVIDER') {
      const [serves] = await tx.manager.query<unknown[]>(
        `SELECT 1 FROM participation p JOIN contract c ON c.id = p.contract_id
          WHERE p.municipality_code = $1 AND c.supplier_id = $2 AND c.status IN ('ACTIVE', 'TERMINATED') LIMIT 1`,
        [code, principal.organisationId],
      );
      if (serves) return;
    }
    throw notFound(code);
  }

  /** All municipalities for the VNG and operators (null); those it serves in the year for a provider. */
  private async overviewScope(tx: TenantTransaction, period: Period): Promise<string[] | null> {
    const { principal } = tx;
    if (principal.organisationKind === 'ASSOCIATION' || isOperator(principal)) return null;
    if (principal.organisationKind === 'PROVIDER') {
      const rows = await tx.manager.query<Array<{ code: string }>>(
        `SELECT DISTINCT p.municipality_code AS code FROM participation p JOIN contract c ON c.id = p.contract_id
          WHERE c.supplier_id = $1 AND c.status IN ('ACTIVE', 'TERMINATED') AND p.from_date <= $3 AND (p.to_date IS NULL OR p.to_date >= $2)`,
        [principal.organisationId, period.from, period.to],
      );
      return rows.map((row) => row.code);
    }
    throw new ComplianceError(
      ComplianceErrorCode.OverviewNotAllowed,
      'The national overview is for the VNG, providers and operators; a municipality sees its own obligations at /api/v1/municipalities/{code}/obligations.',
    );
  }
}

export interface Judged {
  dto: DutyObligationDto;
  evaluation: ObligationEvaluation;
}

export interface Judgement {
  municipality: MunicipalityInfo;
  duty: DutyInfo;
  judged: Judged;
}

/**
 * Every municipality existing in the period (or those given), for one duty or all of them, judged
 * with the same rules as the per-municipality answer; in the caller's (platform) transaction.
 */
export async function judgeAll(
  manager: EntityManager,
  options: { codes: string[] | null; period: Period; asOf: IsoDate; dutyCode?: string; province?: string },
): Promise<Judgement[]> {
  const { period, asOf } = options;
  const snapshot = await loadCoverage(manager, options.codes);
  const duties = pickDuties(snapshot, options.dutyCode);
  const figures = await loadFigures(manager, snapshot, [yearOf(period.from)]);
  const cache = new ScheduleCache();
  const municipalities = [...snapshot.municipalities.values()]
    .filter((m) => clip(period, { from: m.validFrom ?? period.from, to: m.validTo ?? period.to }) !== null)
    .filter((m) => !options.province || m.provinceCode === options.province)
    .sort((a, b) => a.code.localeCompare(b.code));
  const judgements: Judgement[] = [];
  for (const duty of duties) {
    for (const municipality of municipalities) {
      const judged = judge(municipality, duty, snapshot, period, asOf, figures, cache);
      if (judged) judgements.push({ municipality, duty, judged });
    }
  }
  return judgements;
}

/** One municipality, one duty, one period: the rules, the coverage that met them, and the cost. */
function judge(
  municipality: MunicipalityInfo,
  duty: DutyInfo,
  snapshot: CoverageSnapshot,
  asked: Period,
  asOf: IsoDate,
  figures: Figures,
  cache: ScheduleCache,
): Judged | null {
  const period = clip(asked, {
    from: maxDate(duty.inForceFrom, municipality.validFrom ?? duty.inForceFrom),
    to: municipality.validTo ?? asked.to,
  });
  if (!period) return null;
  const ranges = snapshot.coverage.get(coverageKey(duty.code, municipality.code)) ?? [];
  const slices = ranges.map((range) => ({
    key: range.contractId,
    from: range.from,
    to: range.to,
    channels: snapshot.contracts.get(range.contractId)!.services.flatMap((s) => s.channels),
  }));
  const evaluation = evaluateObligation(
    {
      period,
      asOf: clamp(asOf, period),
      slices,
      continuousAvailability: duty.continuousAvailability,
      existsUntil: municipality.validTo,
    },
    cache,
  );
  const covering = ranges.filter((r) => r.from <= period.to && (r.to === null || r.to >= period.from));
  const coverage: CoverageDto[] = covering.map((range) =>
    coverageDto(range, snapshot.contracts.get(range.contractId)!, period),
  );
  const dto: DutyObligationDto = {
    duty: dutyRef(duty),
    period,
    status: evaluation.status,
    explanation: explain(municipality, duty, period, evaluation, coverage),
    coveredUntil: evaluation.coveredUntil,
    uncoveredFrom: evaluation.uncoveredFrom,
    coverage,
    fundingModels: [...new Set(coverage.map((c) => c.contract.fundingModel))],
    cost: yearlyCost(municipality, ranges, snapshot, yearOf(period.from), figures),
    gaps: { days: evaluation.dayGaps, weekly: evaluation.weeklyGaps, dated: evaluation.datedGaps },
  };
  return { dto, evaluation };
}

function coverageDto(range: CoverageRange, contract: ContractInfo, period: Period): CoverageDto {
  const start = fromAmsterdam(period.from, 0);
  const end = fromAmsterdam(addDays(period.to, 1), 0);
  return {
    from: maxDate(range.from, period.from),
    to: minDate(range.to ?? period.to, period.to),
    contract: {
      id: contract.id,
      reference: contract.reference,
      title: contract.title,
      kind: contract.kind,
      fundingModel: contract.fundingModel,
      fundingRoute: FUNDING_ROUTES[contract.fundingModel] ?? contract.fundingModel,
      contractingParty: contract.contractingName,
      providerId: contract.supplierId,
      providerName: contract.supplierName,
    },
    services: contract.services.map((service) => ({
      id: service.id,
      name: service.name,
      channels: service.channels.map((channel) => ({
        kind: channel.kind,
        contact: channel.contact,
        counts: channel.counts,
        schedule: channel.schedule.map(({ weekday, from, to }) => ({ weekday, from, to })),
        closures: channel.closureList
          .filter((c) => c.startsAt.getTime() < end && c.endsAt.getTime() > start)
          .map((c) => ({
            start: formatAmsterdam(c.startsAt.getTime()),
            end: formatAmsterdam(c.endsAt.getTime()),
            reason: c.reason,
          })),
      })),
    })),
  };
}

/**
 * What the municipality pays for the duty in `year`, the way an annual invoice run computes it
 * (DOMAIN.md rules 1-4): inhabitants on the contract's reference date of the territory it forms,
 * times the tariff, pro rata by days of coverage, rounded per line; VAT per contract.
 */
function yearlyCost(
  municipality: MunicipalityInfo,
  ranges: CoverageRange[],
  snapshot: CoverageSnapshot,
  year: number,
  figures: Figures,
): CostDto {
  const yearPeriod = { from: firstOfJanuary(year), to: `${year}-12-31` };
  const lines: CostDto['lines'] = [];
  const notes: string[] = [];
  let missing = false;
  const vatByContract = new Map<string, number>();
  for (const range of ranges) {
    const contract = snapshot.contracts.get(range.contractId)!;
    const referenceDate = referenceDateFor(contract.referenceDateRule, yearPeriod.from);
    const charge = participantCharge({
      code: municipality.code,
      billed: yearPeriod,
      participations: [{ from: range.from, to: range.to }],
      tariffs: contract.tariffs,
      referenceDate,
      figures: figures.get(referenceDate) ?? new Map(),
      changes: snapshot.changes,
    });
    if (!charge) continue;
    const { territory } = charge;
    if (charge.figuresMissing) {
      missing = true;
      notes.push(
        `De CBS-bevolkingscijfers per ${dutchDate(referenceDate)} ontbreken nog; de kosten volgen zodra ze zijn ingelezen.`,
      );
      continue;
    }
    if (territory.approximate) notes.push(...territory.notes);
    for (const segment of charge.segments) {
      lines.push({
        contractReference: contract.reference,
        from: segment.from,
        to: segment.to,
        inhabitants: territory.inhabitants,
        referenceDate,
        perInhabitant: tariffDecimal(segment.perInhabitant),
        days: segment.days,
        amountCents: segment.amountCents,
        vatCents: 0,
        calculation: chargeCalculation(territory.inhabitants, segment),
      });
    }
    vatByContract.set(
      contract.id,
      (vatByContract.get(contract.id) ?? 0) + charge.segments.reduce((sum, segment) => sum + segment.amountCents, 0),
    );
  }
  let vatCents = 0;
  for (const [contractId, subtotal] of vatByContract) {
    const vat = vatAmountCents(cents(subtotal), snapshot.contracts.get(contractId)!.vatRate);
    vatCents += vat;
    const last = [...lines]
      .reverse()
      .find((line) => line.contractReference === snapshot.contracts.get(contractId)!.reference);
    if (last) last.vatCents = vat;
  }
  const amountCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return {
    year,
    amountCents: missing ? null : amountCents,
    vatCents: missing ? null : vatCents,
    totalCents: missing ? null : amountCents + vatCents,
    currency: 'EUR',
    lines,
    note: notes.length ? [...new Set(notes)].join(' ') : null,
  };
}

/** The CBS figures on every reference date the contracts use for these years. */
async function loadFigures(manager: EntityManager, snapshot: CoverageSnapshot, years: number[]): Promise<Figures> {
  const dates = [
    ...new Set(
      years.flatMap((year) =>
        [...snapshot.contracts.values()].map((c) => referenceDateFor(c.referenceDateRule, firstOfJanuary(year))),
      ),
    ),
  ];
  const rows = await manager.query<Array<{ date: IsoDate; code: string; inhabitants: number }>>(
    `SELECT reference_date AS date, municipality_code AS code, inhabitants FROM population_figure WHERE reference_date = ANY($1)`,
    [dates],
  );
  const figures: Figures = new Map();
  for (const row of rows) {
    const onDate = figures.get(row.date) ?? new Map<string, number>();
    onDate.set(row.code, row.inhabitants);
    figures.set(row.date, onDate);
  }
  return figures;
}

function overviewRow(municipality: MunicipalityInfo, { dto, evaluation }: Judged): OverviewRowDto {
  const weeklyByPattern = new Map<string, number>();
  for (const gap of evaluation.weeklyGaps)
    weeklyByPattern.set(`${gap.validFrom}`, (weeklyByPattern.get(gap.validFrom) ?? 0) + gap.minutes);
  return {
    code: municipality.code,
    name: municipality.name,
    provinceCode: municipality.provinceCode,
    provinceName: municipality.provinceName,
    status: dto.status,
    contracts: [...new Set(dto.coverage.map((c) => c.contract.reference))],
    providers: [...new Set(dto.coverage.map((c) => c.contract.providerName))],
    fundingModels: dto.fundingModels,
    inhabitants: dto.cost.lines[0]?.inhabitants ?? null,
    costCents: dto.cost.totalCents,
    coveredUntil: dto.coveredUntil,
    gapDays: evaluation.dayGaps.reduce((sum, gap) => sum + gap.days, 0),
    weeklyGapMinutes: Math.max(0, ...weeklyByPattern.values()),
    datedGaps: evaluation.datedGaps.length,
  };
}

/** One Dutch sentence a council member understands. */
function explain(
  municipality: MunicipalityInfo,
  duty: DutyInfo,
  period: Period,
  evaluation: ObligationEvaluation,
  coverage: CoverageDto[],
): string {
  const span =
    period.from === period.to
      ? `op ${dutchDate(period.from)}`
      : `van ${dutchDate(period.from)} t/m ${dutchDate(period.to)}`;
  const contracts = [...new Set(coverage.map((c) => `${c.contract.reference} (${c.contract.providerName})`))].join(
    ', ',
  );
  const channels = duty.countingChannels.map((kind) => CHANNEL_NAMES[kind] ?? kind.toLowerCase()).join(' of ');
  if (evaluation.status === 'COMPLIANT') {
    return `${municipality.name} voldoet ${span} aan de plicht (${duty.legalBasis}): gedekt door ${contracts}${duty.continuousAvailability ? `; op elk moment van de week is ${channels} bereikbaar` : ''}.`;
  }
  if (evaluation.status === 'AT_RISK') {
    return `${municipality.name} voldoet ${span} aan de plicht (${duty.legalBasis}), maar de dekking door ${contracts} eindigt op ${dutchDate(evaluation.coveredUntil!)} en er is geen opvolgend contract: vanaf ${dutchDate(evaluation.uncoveredFrom!)} is de plicht niet gedekt.`;
  }
  const reasons: string[] = [];
  const days = evaluation.dayGaps.reduce((sum, gap) => sum + gap.days, 0);
  if (days) {
    const first = evaluation.dayGaps[0];
    reasons.push(
      `${formatInteger(days)} ${days === 1 ? 'dag' : 'dagen'} zonder contract (${first.from === first.to ? dutchDate(first.from) : `${dutchDate(first.from)} t/m ${dutchDate(first.to)}`}${evaluation.dayGaps.length > 1 ? ' en meer' : ''})`,
    );
  }
  if (evaluation.weeklyGaps.length) {
    const first = evaluation.weeklyGaps[0];
    const wholeWeek = evaluation.weeklyGaps.length === 7 && evaluation.weeklyGaps.every((gap) => gap.minutes === 1440);
    reasons.push(
      wholeWeek
        ? `geen ${channels} in de dienstverlening`
        : `wekelijks tijden zonder ${channels} (bijvoorbeeld ${WEEKDAYS[first.weekday]} ${first.from}-${first.to})`,
    );
  }
  if (evaluation.datedGaps.length) {
    const minutes = evaluation.datedGaps.reduce((sum, gap) => sum + gap.minutes, 0);
    reasons.push(
      `${evaluation.datedGaps.length} ${evaluation.datedGaps.length === 1 ? 'onderbreking' : 'onderbrekingen'} door sluiting (${formatInteger(minutes)} minuten)`,
    );
  }
  return `${municipality.name} voldoet ${span} niet aan de plicht (${duty.legalBasis}): ${reasons.join('; ')}.`;
}

function periodOf(query: ObligationsQuery): { period: Period; asOf: IsoDate } {
  const given = [
    query.date !== undefined,
    query.year !== undefined,
    query.from !== undefined || query.to !== undefined,
  ].filter(Boolean).length;
  if (given > 1)
    throw new RequestValidationError([{ field: 'date', message: 'give one of date, year, or from and to' }]);
  if (query.year !== undefined) {
    const period = { from: firstOfJanuary(query.year), to: `${query.year}-12-31` };
    return { period, asOf: clamp(todayInAmsterdam(), period) };
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (!query.from || !query.to)
      throw new RequestValidationError([{ field: query.from ? 'to' : 'from', message: 'from and to go together' }]);
    if (query.to < query.from)
      throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
    if (daysBetween(query.from, query.to) >= MAX_PERIOD_DAYS)
      throw new RequestValidationError([{ field: 'to', message: 'a period may span at most ten years' }]);
    if (query.from < '2015-01-01')
      throw new RequestValidationError([
        { field: 'from', message: 'from must be 2015-01-01 or later: the duty exists from 2015' },
      ]);
    const period = { from: query.from, to: query.to };
    return { period, asOf: clamp(todayInAmsterdam(), period) };
  }
  const date = query.date ?? todayInAmsterdam();
  if (date < '2015-01-01')
    throw new RequestValidationError([
      { field: 'date', message: 'date must be 2015-01-01 or later: the duty exists from 2015' },
    ]);
  if (date > addYears(todayInAmsterdam(), 100))
    throw new RequestValidationError([{ field: 'date', message: 'date lies too far ahead' }]);
  return { period: { from: date, to: date }, asOf: date };
}

function pickDuties({ duties }: { duties: DutyInfo[] }, code: string | undefined): DutyInfo[] {
  if (!code) return duties;
  const duty = duties.find((d) => d.code === code);
  if (!duty)
    throw new ComplianceError(
      ComplianceErrorCode.DutyNotFound,
      `There is no duty ${code}; GET /api/v1/duties lists them.`,
    );
  return [duty];
}

function clip(period: Period, within: Period): Period | null {
  const from = maxDate(period.from, within.from);
  const to = minDate(period.to, within.to);
  return from <= to ? { from, to } : null;
}

const clamp = (day: IsoDate, period: Period): IsoDate => minDate(maxDate(day, period.from), period.to);

const notFound = (code: string) =>
  new ComplianceError(
    ComplianceErrorCode.MunicipalityNotFound,
    `There is no municipality ${code} whose obligations you can see.`,
  );

const municipalityRef = (m: MunicipalityInfo) => ({
  code: m.code,
  name: m.name,
  provinceCode: m.provinceCode,
  provinceName: m.provinceName,
  validFrom: m.validFrom,
  validTo: m.validTo,
});

const dutyRef = (duty: DutyInfo) => ({
  code: duty.code,
  name: duty.name,
  legalBasis: duty.legalBasis,
  countingChannels: duty.countingChannels,
  continuousAvailability: duty.continuousAvailability,
});
