import { EntityManager } from 'typeorm';
import {
  chargeSegments,
  dutchDate,
  formatInteger,
  lineAmountCents,
  TariffPeriod,
  TerritorialChange,
  territoryPopulation,
  yearOf,
} from '@wmo/domain';

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

interface ParticipantRow {
  code: string;
  name: string;
  organisation_id: string;
  froms: string[];
  tos: Array<string | null>;
}

const euro4 = (value: string) => `EUR ${Number(value).toFixed(4).replace('.', ',')}`;

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

  /** The next `size` participants after `afterCode`, in code order, with their lines. */
  async batch(afterCode: string, size: number): Promise<ComputedParticipant[]> {
    const rows = await this.manager.query<ParticipantRow[]>(
      `SELECT p.municipality_code AS code, m.name, o.id AS organisation_id,
              array_agg(greatest(p.from_date, coalesce(m.valid_from, p.from_date)) ORDER BY p.from_date) AS froms,
              array_agg(CASE WHEN m.valid_to IS NULL THEN p.to_date WHEN p.to_date IS NULL THEN m.valid_to ELSE least(p.to_date, m.valid_to) END ORDER BY p.from_date) AS tos
         ${this.participantsFrom()} AND p.municipality_code > $4
        GROUP BY p.municipality_code, m.name, o.id
        ORDER BY p.municipality_code
        LIMIT $5`,
      [this.context.contractId, this.context.period.from, this.context.period.to, afterCode, size],
    );
    if (rows.length === 0) return [];
    const figures = await this.figuresFor(rows.map((row) => row.code));
    const participants: ComputedParticipant[] = [];
    for (const row of rows) {
      const segments = row.froms.flatMap((from, i) => chargeSegments(this.context.period, { from, to: row.tos[i] }, this.context.tariffs));
      if (segments.length === 0) continue;
      // Rule 3: the territory that forms the municipality on the first day it is billed for.
      const territory = territoryPopulation({ code: row.code, referenceDate: this.context.referenceDate, asOf: segments[0].from, figures, changes: this.context.changes });
      if (territory.missingFigures.length || territory.components.length === 0) {
        throw new Error(`No CBS figure on ${this.context.referenceDate} for ${[row.code, ...territory.missingFigures].join(', ')}`);
      }
      const approximation = territory.approximate ? territory.notes.join(' ') : null;
      const lines = segments.map((segment): ComputedLine => {
        const amountCents = lineAmountCents(territory.inhabitants, segment.perInhabitant, segment.days, segment.daysInYear);
        const partial = segment.days === segment.daysInYear ? '' : ` x ${segment.days}/${segment.daysInYear} dagen`;
        return {
          municipalityCode: row.code,
          description: `${this.context.dutyName} ${dutchDate(segment.from)} t/m ${dutchDate(segment.to)}: ${row.name} (${row.code})`,
          calculation:
            `${formatInteger(territory.inhabitants)} inwoners (CBS, peildatum ${dutchDate(this.context.referenceDate)}) x ${euro4(segment.perInhabitant)}${partial}` +
            (approximation ? ' (benadering, zie toelichting)' : ''),
          inhabitants: territory.inhabitants,
          perInhabitant: segment.perInhabitant,
          periodStart: segment.from,
          periodEnd: segment.to,
          days: segment.days,
          daysInYear: segment.daysInYear,
          amountCents,
          approximationNote: approximation,
        };
      });
      participants.push({
        code: row.code,
        name: row.name,
        organisationId: row.organisation_id,
        inhabitants: territory.inhabitants,
        lines,
        subtotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      });
    }
    return participants;
  }

  /** The code of the last participant row of a batch query, to continue after (also when all of a batch were skipped). */
  async lastCodeOfBatch(afterCode: string, size: number): Promise<string | null> {
    const [row] = await this.manager.query<Array<{ code: string }>>(
      `SELECT code FROM (SELECT DISTINCT p.municipality_code AS code ${this.participantsFrom()} AND p.municipality_code > $4 ORDER BY 1 LIMIT $5) b ORDER BY code DESC LIMIT 1`,
      [this.context.contractId, this.context.period.from, this.context.period.to, afterCode, size],
    );
    return row?.code ?? null;
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
      const next = this.context.changes.filter((c) => frontier.includes(c.newCode) && !needed.has(c.oldCode)).map((c) => c.oldCode);
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

export function invoiceYear(periodStart: string): number {
  return yearOf(periodStart);
}
