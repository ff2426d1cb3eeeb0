import { EntityManager } from 'typeorm';
import { ContractEntity, DutyEntity, TariffEntity } from '@wmo/contracts';
import { chargeCalculation, dutchDate, participantCharge, TariffPeriod, TerritorialChange } from '@wmo/domain';
import { TERRITORIAL_CHANGES_SQL } from '@wmo/reference-data';

export interface ComputedLine {
  municipalityCode: string;
  description: string;
  calculation: string;
  inhabitants: number;
  perInhabitant: string;
  periodStart: string;
  periodEnd: string;
  days: number;
  daysInYear: number;
  amountCents: number;
  approximationNote: string | null;
}

export interface ComputedParticipant {
  code: string;
  name: string;
  organisationId: string;
  inhabitants: number;
  lines: ComputedLine[];
  subtotalCents: number;
}

export interface CalculationContext {
  contractId: string;
  dutyName: string;
  period: { from: string; to: string };
  referenceDate: string;
  tariffs: TariffPeriod[];
  changes: TerritorialChange[];
}

/** What a run (or its dry run) computes with: the duty, the tariffs and every territorial change. */
export async function loadCalculationContext(
  manager: EntityManager,
  contract: ContractEntity,
  period: { from: string; to: string },
  referenceDate: string,
): Promise<CalculationContext & { duty: DutyEntity }> {
  const duty = await manager.findOneByOrFail(DutyEntity, { code: contract.dutyCode });
  const tariffs = await manager.findBy(TariffEntity, { contractId: contract.id });
  return {
    duty,
    contractId: contract.id,
    dutyName: `${duty.name} (${duty.legalBasis})`,
    period,
    referenceDate,
    tariffs: tariffs.map((t) => ({ from: t.validFrom, to: t.validTo, perInhabitant: t.perInhabitant })),
    changes: await manager.query<TerritorialChange[]>(TERRITORIAL_CHANGES_SQL),
  };
}

interface ParticipantRow {
  code: string;
  name: string;
  organisation_id: string;
  froms: string[];
  tos: Array<string | null>;
}

/**
 * Turns a contract's participants into billable lines, a batch at a time (never all participants
 * in memory): DOMAIN.md rules 1-4 applied through the pure functions of libs/domain.
 */
export class InvoiceCalculator {
  constructor(
    private readonly manager: EntityManager,
    private readonly context: CalculationContext,
  ) {}

  /** Participants with at least one day in the billed period, municipalities clipped to when they existed. */
  async participantCount(): Promise<number> {
    const [{ count }] = await this.manager.query<[{ count: number }]>(
      `SELECT count(DISTINCT p.municipality_code)::int AS count ${this.participantsFrom()}`,
      [this.context.contractId, this.context.period.from, this.context.period.to],
    );
    return count;
  }

  /**
   * The next `size` participants after `afterCode`, in code order, with their lines, and the code
   * of the last participant read (null when none was left): the next batch starts after it, also
   * when none of this batch had a day to charge.
   */
  async batch(afterCode: string, size: number): Promise<{ participants: ComputedParticipant[]; last: string | null }> {
    const rows = await this.manager.query<ParticipantRow[]>(
      `SELECT p.municipality_code AS code, m.name, o.id AS organisation_id,
              array_agg(greatest(p.from_date, coalesce(m.valid_from, p.from_date)) ORDER BY p.from_date) AS froms,
              array_agg(least(p.to_date, m.valid_to) /* NULL (open) ends are ignored */ ORDER BY p.from_date) AS tos
         ${this.participantsFrom()} AND p.municipality_code > $4
        GROUP BY p.municipality_code, m.name, o.id
        ORDER BY p.municipality_code
        LIMIT $5`,
      [this.context.contractId, this.context.period.from, this.context.period.to, afterCode, size],
    );
    if (rows.length === 0) return { participants: [], last: null };
    const figures = await this.figuresFor(rows.map((row) => row.code));
    const { referenceDate } = this.context;
    const participants: ComputedParticipant[] = [];
    for (const row of rows) {
      const charge = participantCharge({
        code: row.code,
        billed: this.context.period,
        participations: row.froms.map((from, i) => ({ from, to: row.tos[i] })),
        tariffs: this.context.tariffs,
        referenceDate,
        figures,
        changes: this.context.changes,
      });
      if (!charge) continue;
      const { territory } = charge;
      if (charge.figuresMissing)
        throw new Error(`No CBS figure on ${referenceDate} for ${[row.code, ...territory.missingFigures].join(', ')}`);
      const approximation = territory.approximate ? territory.notes.join(' ') : null;
      const lines = charge.segments.map((segment): ComputedLine => ({
        municipalityCode: row.code,
        description: `${this.context.dutyName} ${dutchDate(segment.from)} t/m ${dutchDate(segment.to)}: ${row.name} (${row.code})`,
        calculation:
          chargeCalculation(territory.inhabitants, segment, `(CBS, peildatum ${dutchDate(referenceDate)})`) +
          (approximation ? ' (benadering, zie toelichting)' : ''),
        inhabitants: territory.inhabitants,
        perInhabitant: segment.perInhabitant,
        periodStart: segment.from,
        periodEnd: segment.to,
        days: segment.days,
        daysInYear: segment.daysInYear,
        amountCents: segment.amountCents,
        approximationNote: approximation,
      }));
      participants.push({
        code: row.code,
        name: row.name,
        organisationId: row.organisation_id,
        inhabitants: territory.inhabitants,
        lines,
        subtotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      });
    }
    return { participants, last: rows[rows.length - 1].code };
  }

  /** Every participant, a batch at a time (for a dry run and a central invoice, in one transaction). */
  async *batches(size: number): AsyncGenerator<ComputedParticipant[]> {
    let after = '';
    for (;;) {
      const { participants, last } = await this.batch(after, size);
      if (last === null) return;
      yield participants;
      after = last;
    }
  }

  private participantsFrom(): string {
    return `FROM participation p
              JOIN municipality m ON m.code = p.municipality_code
              LEFT JOIN organisation o ON o.municipality_code = p.municipality_code
             WHERE p.contract_id = $1 AND p.from_date <= $3::date AND (p.to_date IS NULL OR p.to_date >= $2::date)
               AND (m.valid_from IS NULL OR m.valid_from <= $3::date) AND (m.valid_to IS NULL OR m.valid_to >= $2::date)`;
  }

  /** CBS figures on the reference date for the batch and everything that merged into it. */
  private async figuresFor(codes: string[]): Promise<Map<string, number>> {
    const needed = new Set(codes);
    let frontier = [...codes];
    while (frontier.length) {
      const next = this.context.changes
        .filter((c) => frontier.includes(c.newCode) && !needed.has(c.oldCode))
        .map((c) => c.oldCode);
      next.forEach((code) => needed.add(code));
      frontier = next;
    }
    const rows = await this.manager.query<Array<{ code: string; inhabitants: number }>>(
      `SELECT municipality_code AS code, inhabitants FROM population_figure WHERE reference_date = $1 AND municipality_code = ANY($2)`,
      [this.context.referenceDate, [...needed]],
    );
    return new Map(rows.map((row) => [row.code, row.inhabitants]));
  }
}
